namespace AkkaLocks.Server.Tests.Dms;

/// <summary>The test users, one per role, configured as the README tells operators to (plain passwords: tests only).</summary>
public static class DmsUsers
{
    public const string Admin = "user_admin";
    public const string AdminPassword = "pwd1";
    public const string Locker = "locker";
    public const string OtherLocker = "other_locker";
    public const string Monitor = "monitor";
    public const string Reader = "reader";
    public const string NoRole = "nobody";
    public const string Password = "test-password";

    public static IEnumerable<KeyValuePair<string, string>> Settings()
    {
        yield return new("AkkaLocks:Users:user_admin:Password", AdminPassword);
        yield return new("AkkaLocks:Users:user_admin:Roles:0", "admin");
        foreach (var (user, role) in new[] { (Locker, "lock"), (OtherLocker, "lock"), (Monitor, "monitor"), (Reader, "event_read"), (NoRole, "") })
        {
            yield return new($"AkkaLocks:Users:{user}:Password", Password);
            if (role != "") yield return new($"AkkaLocks:Users:{user}:Roles:0", role);
        }
    }
}
