using Akka.Actor;
using Akka.Hosting;
using AkkaLocks.Engine;
using AkkaLocks.Engine.Index;
using AkkaLocks.Engine.Recovery;
using AkkaLocks.Engine.Sharding;

namespace AkkaLocks.Server.Hosting;

/// <summary>
/// Holds the web server back until the locks held before a restart are recovered: hosted services start
/// before Kestrel listens, so no request sees a listing without them.
/// </summary>
internal sealed class HeldLocksRecoveryGate(
    ActorSystem system,
    IRequiredActor<LockRegion> region,
    IRequiredActor<HeldLocksIndex> index,
    AkkaLocksEngineOptions options,
    ILogger<HeldLocksRecoveryGate> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var shardRegion = await region.GetAsync(cancellationToken);
        await HeldLocksRecovery.WaitAsync(system, shardRegion, options, cancellationToken);
        // In a cluster, the locks hosted by the other nodes reach the index by gossip; take a majority's copy now.
        var heldLocks = await index.GetAsync(cancellationToken);
        await heldLocks.Ask<HeldLocksSynced>(new SyncHeldLocks(options.AskTimeout), options.AskTimeout * 2, cancellationToken);
        logger.LogInformation("Held locks recovered in {Elapsed} ms", (int)(DateTime.UtcNow - started).TotalMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
