namespace AkkaLocks.Client.Tests;

/// <summary>
/// The real server with credentials required on every surface and two lock users (plain passwords: tests only),
/// as a client meets it in production: listening beyond loopback, or configured secure.
/// </summary>
public sealed class SecureLockServer : LockServer
{
    public const string Locker = "locker";
    public const string OtherLocker = "other_locker";
    public const string Password = "test-password";

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("AkkaLocks:Auth:EsocoSync", "Secure"),
        new("AkkaLocks:Auth:EsocoAdmin", "Secure"),
        new($"AkkaLocks:Users:{Locker}:Password", Password),
        new($"AkkaLocks:Users:{Locker}:Roles:0", "lock"),
        new($"AkkaLocks:Users:{OtherLocker}:Password", Password),
        new($"AkkaLocks:Users:{OtherLocker}:Roles:0", "lock"),
    ];
}
