using AkkaLocks.Server.Tests.Dms;

namespace AkkaLocks.Server.Tests.Auth;

/// <summary><c>AkkaLocks:Auth:KeysDirectory</c> moves the Data Protection key ring out of the data directory (e.g. to a shared volume).</summary>
public sealed class KeysDirectoryTests : IDisposable
{
    private readonly string _keysDirectory = Path.Combine(Path.GetTempPath(), "akkalocks-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Tokens_are_protected_with_keys_in_the_configured_folder_and_none_in_the_data_directory()
    {
        await using var server = new KeysElsewhereServer(_keysDirectory);

        Assert.False(string.IsNullOrEmpty(await DmsClient.For(server).LoginAsync(DmsUsers.Monitor, DmsUsers.Password)));

        Assert.NotEmpty(Directory.GetFiles(_keysDirectory, "key-*.xml"));
        Assert.False(Directory.Exists(Path.Combine(server.DataDirectory, "keys")));
    }

    public void Dispose()
    {
        try { Directory.Delete(_keysDirectory, recursive: true); }
        catch (IOException) { /* cleaned by the OS */ }
    }

    private sealed class KeysElsewhereServer(string keysDirectory) : AkkaLocksServerFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [
            new("AkkaLocks:Auth:KeysDirectory", keysDirectory),
            .. DmsUsers.Settings(),
        ];
    }
}
