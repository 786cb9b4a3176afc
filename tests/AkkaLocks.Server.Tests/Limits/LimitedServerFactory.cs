using AkkaLocks.Server.Tests.Dms;

namespace AkkaLocks.Server.Tests.Limits;

/// <summary>The real server with small limits, so tests reach them in a few requests (rate limiting stays off here).</summary>
public sealed class LimitedServerFactory : AkkaLocksServerFactory
{
    public const int MaxLocksPerOwner = 3;
    public const int MaxEventStreams = 2;
    public const int MaxRequestBodyBytes = 10_000;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("AkkaLocks:Limits:MaxLocksPerOwner", MaxLocksPerOwner.ToString()),
        new("AkkaLocks:Limits:MaxEventStreams", MaxEventStreams.ToString()),
        new("AkkaLocks:Limits:MaxRequestBodyBytes", MaxRequestBodyBytes.ToString()),
        .. DmsUsers.Settings(),
    ];
}
