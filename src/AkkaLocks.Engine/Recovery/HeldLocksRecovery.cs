using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using AkkaLocks.Core;
using AkkaLocks.Engine.Sharding;

namespace AkkaLocks.Engine.Recovery;

/// <summary>
/// Waits, after a start, until every lock held before it has been restarted and has recovered, so that
/// listings, resets and expiry timers are complete before a host serves requests.
/// Sharding restarts remembered entities when their shard starts, and gives no signal when that is done;
/// so every shard is woken, all shards are awaited, and every hosted lock is then asked once.
/// </summary>
public static class HeldLocksRecovery
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private const int StablePollsRequired = 3;

    public static async Task WaitAsync(ActorSystem system, IActorRef region, AkkaLocksEngineOptions options, CancellationToken cancellationToken)
    {
        await WaitForMemberUpAsync(system, cancellationToken);
        for (var shard = 0; shard < options.MaxShards; shard++) region.Tell(new WakeShard(shard));
        await WaitForAllShardsAsync(region, options, cancellationToken);
        var hosted = await WaitForStableEntitiesAsync(region, options.AskTimeout, cancellationToken);
        await Task.WhenAll(hosted.Select(entityId =>
            region.Ask<LockReply>(new LockRequest(LockKey.FromEntityId(entityId), InspectLock.Instance), options.AskTimeout, cancellationToken)));
    }

    private static Task WaitForMemberUpAsync(ActorSystem system, CancellationToken cancellationToken)
    {
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Cluster.Get(system).RegisterOnMemberUp(() => up.TrySetResult());
        return up.Task.WaitAsync(cancellationToken);
    }

    private static async Task WaitForAllShardsAsync(IActorRef region, AkkaLocksEngineOptions options, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await StartedShardsAsync(region, options.AskTimeout, cancellationToken) >= options.MaxShards) return;
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>
    /// Shards started across the cluster; 0 when the regions did not all answer in time (a busy machine, a node
    /// still joining): that is a poll to repeat, not a reason to fail the start.
    /// </summary>
    private static async Task<int> StartedShardsAsync(IActorRef region, TimeSpan askTimeout, CancellationToken cancellationToken)
    {
        try
        {
            var stats = await region.Ask<ClusterShardingStats>(new GetClusterShardingStats(askTimeout), askTimeout * 2, cancellationToken);
            return stats.Regions.Values.SelectMany(r => r.Stats.Keys).Distinct().Count();
        }
        catch (AskTimeoutException)
        {
            return 0;
        }
    }

    /// <summary>A started shard hands its remembered ids to a starter that creates them at once; wait for that to settle.</summary>
    private static async Task<IReadOnlyCollection<string>> WaitForStableEntitiesAsync(IActorRef region, TimeSpan askTimeout, CancellationToken cancellationToken)
    {
        var previous = new HashSet<string>();
        for (var stablePolls = 0; stablePolls < StablePollsRequired;)
        {
            await Task.Delay(PollInterval, cancellationToken);
            CurrentShardRegionState state;
            try
            {
                state = await region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, askTimeout, cancellationToken);
            }
            catch (AskTimeoutException)
            {
                stablePolls = 0;   // no answer in time: not settled yet
                continue;
            }
            var current = state.Shards.SelectMany(s => s.EntityIds).ToHashSet();
            stablePolls = current.SetEquals(previous) ? stablePolls + 1 : 0;
            previous = current;
        }
        return previous;
    }
}
