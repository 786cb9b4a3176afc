using Akka.Actor;
using Microsoft.Extensions.DependencyInjection;

namespace AkkaLocks.Server.Tests;

/// <summary>The Split Brain Resolver's stable-after: hocon/akkalocks.conf's 20 s unless AkkaLocks:Cluster:StableAfter says otherwise.</summary>
public sealed class SplitBrainResolverSettingsTests
{
    private const string StableAfterPath = "akka.cluster.split-brain-resolver.stable-after";

    [Fact]
    public async Task Stable_after_is_20_seconds_by_default()
    {
        await using var factory = new AkkaLocksServerFactory();

        Assert.Equal(TimeSpan.FromSeconds(20), StableAfterOf(factory));
    }

    [Fact]
    public async Task Cluster_StableAfter_setting_overrides_the_hocon_file()
    {
        await using var factory = new ShortStableAfterServer();

        Assert.Equal(TimeSpan.FromSeconds(5), StableAfterOf(factory));
    }

    private static TimeSpan StableAfterOf(AkkaLocksServerFactory factory)
    {
        _ = factory.Server;   // starts the host and its actor system
        return factory.Services.GetRequiredService<ActorSystem>().Settings.Config.GetTimeSpan(StableAfterPath);
    }

    private sealed class ShortStableAfterServer : AkkaLocksServerFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("AkkaLocks:Cluster:StableAfter", "00:00:05")];
    }
}
