using AkkaLocks.Server.Auth;
using AkkaLocks.Server.Tests.Dms;

namespace AkkaLocks.Server.Tests.Auth;

/// <summary>Tokens survive a restart (keys live in the data directory), and users may be configured with a PBKDF2 hash.</summary>
public sealed class TokenRestartTests : IDisposable
{
    private const string HashedUser = "hashed";
    private const string HashedPassword = "correct horse battery staple";
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "akkalocks-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Token_issued_before_a_restart_is_accepted_after_it()
    {
        string token;
        await using (var first = new SharedDataServer(_dataDirectory))
            token = await DmsClient.For(first).LoginAsync(HashedUser, HashedPassword);

        await using var second = new SharedDataServer(_dataDirectory);
        var locks = await DmsClient.For(second).ResultAsync(DmsClient.Locks, "GetLocks", token);

        Assert.NotNull(locks!["locks"]);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_dataDirectory, "keys")));
    }

    [Fact]
    public async Task User_with_a_password_hash_logs_in_with_that_password_only()
    {
        await using var server = new SharedDataServer(_dataDirectory);
        var dms = DmsClient.For(server);

        Assert.Equal(-32001, await dms.ErrorCodeAsync(DmsClient.Locks, "Login", HashedUser, "wrong"));
        Assert.False(string.IsNullOrEmpty(await dms.LoginAsync(HashedUser, HashedPassword)));
        Assert.DoesNotContain(HashedPassword, UserDirectory.HashPassword(HashedPassword));
        Assert.NotEqual(UserDirectory.HashPassword(HashedPassword), UserDirectory.HashPassword(HashedPassword));   // salted
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { /* cleaned by the OS */ }
    }

    private sealed class SharedDataServer(string dataDirectory) : AkkaLocksServerFactory
    {
        private static readonly string Hash = UserDirectory.HashPassword(HashedPassword);

        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [
            new("AkkaLocks:DataDirectory", dataDirectory),
            new($"AkkaLocks:Users:{HashedUser}:PasswordHash", Hash),
            new($"AkkaLocks:Users:{HashedUser}:Roles:0", "monitor"),
        ];
    }
}
