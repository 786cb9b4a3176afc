namespace AkkaLocks.Server.Tests.Dms;

/// <summary>The real server with the test users, the default (loopback, so open) esoco surfaces.</summary>
public sealed class DmsServerFactory : AkkaLocksServerFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => DmsUsers.Settings();
}
