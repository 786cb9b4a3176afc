namespace AkkaLocks.LoadGen;

/// <summary>
/// The part of docs/benchmarks.md the load generator does not write (the engine benchmark's section, the log of what
/// each optimisation bought): everything from <see cref="Marker"/> on is carried over when the report is rewritten.
/// </summary>
internal static class KeptSection
{
    public const string Marker = "<!-- Below this line: kept when ./bench.sh's load generator rewrites this file. -->";

    public static async Task<string> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : "";
        var at = existing.IndexOf(Marker, StringComparison.Ordinal);
        return at >= 0 ? existing[at..] : Marker + "\n";
    }
}
