namespace AkkaLocks.Server.Tests.Limits;

/// <summary>The real server allowing each client two requests per second, at most two at once.</summary>
public sealed class RateLimitedServerFactory : AkkaLocksServerFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("AkkaLocks:Limits:RequestsPerSecond", "2"),
        new("AkkaLocks:Limits:RequestBurst", "2"),
    ];
}
