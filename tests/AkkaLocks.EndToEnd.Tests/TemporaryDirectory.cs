namespace AkkaLocks.EndToEnd.Tests;

/// <summary>
/// A fresh folder for one test's data directory, removed afterwards, unless AKKALOCKS_KEEP_TEST_DATA is set: then the
/// servers' logs and journals stay for a look after a soak's failure (the folder is written to the test's console).
/// </summary>
public sealed class TemporaryDirectory : IDisposable
{
    public static readonly bool Keep = Environment.GetEnvironmentVariable("AKKALOCKS_KEEP_TEST_DATA") is { Length: > 0 };

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "akkalocks-e2e", Guid.NewGuid().ToString("N"));

    public TemporaryDirectory() => Directory.CreateDirectory(Path);

    public void Dispose()
    {
        if (Keep)
        {
            Console.WriteLine($"kept test data: {Path}");
            return;
        }
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a process may still hold a file; the OS cleans its temp folder */ }
    }
}
