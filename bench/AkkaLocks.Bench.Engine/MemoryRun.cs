using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using AkkaLocks.Core;
using AkkaLocks.Engine;
using AkkaLocks.Engine.Sharding;
using Microsoft.Extensions.DependencyInjection;

namespace AkkaLocks.Bench.Engine;

/// <summary>
/// Locks and releases <c>keys</c> distinct keys once each, then waits for the free locks to passivate, and compares the
/// process's resident set and managed heap with the figures before the run: memory must not grow with the number of
/// locks ever used. Also reports the journal database's size once the locks stopped: the disk a lock keeps while idle.
/// </summary>
internal static class MemoryRun
{
    public sealed record Result(long Keys, double Seconds, long Errors, Snapshot Before, Snapshot Loaded, Snapshot After, Snapshot Settled,
        int EntitiesLoaded, int EntitiesAfter, long DatabaseBytes);

    /// <summary>
    /// The held-locks index keeps each ended grant for a minute (HeldLocksIndexActor.TombstoneRetention, against late
    /// copies from other nodes) and sweeps every 30 s: memory that tracks the locks changed lately, gone after this.
    /// </summary>
    private static readonly TimeSpan TombstoneSweep = TimeSpan.FromSeconds(95);

    public sealed record Snapshot(long RssBytes, long ManagedBytes);

    public static async Task<Result> RunAsync(EngineHost host, string dataDirectory, long keys, int workers, TimeSpan settleTimeout)
    {
        var engine = host.Engine;
        await engine.AcquireAsync(new LockKey("warm", "up"), new AcquireRequest("bench"));   // starts sharding and the journal
        var before = Measure();
        var next = -1L;
        var errors = 0L;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            for (var n = Interlocked.Increment(ref next); n < keys; n = Interlocked.Increment(ref next))
            {
                var key = new LockKey("memory", "k" + n);
                if (await engine.AcquireAsync(key, new AcquireRequest("bench", TimeSpan.FromMinutes(5))) is not Granted granted
                    || await engine.ReleaseAsync(key, new ReleaseLock(granted.Holder.Handle, "bench")) is not Released)
                    Interlocked.Increment(ref errors);
                if (n % 100_000 == 0) Console.Error.WriteLine(FormattableString.Invariant($"memory run: {n:N0} keys, {watch.Elapsed.TotalSeconds:0} s"));
            }
        })));
        var seconds = watch.Elapsed.TotalSeconds;
        var region = await host.Services.GetRequiredService<IRequiredActor<LockRegion>>().GetAsync();
        var loaded = Measure();
        var entitiesLoaded = await HostedEntitiesAsync(region);
        var entitiesAfter = await WaitForPassivationAsync(region, settleTimeout);
        var after = Measure();
        await Task.Delay(TombstoneSweep);
        return new Result(keys, seconds, errors, before, loaded, after, Measure(), entitiesLoaded, entitiesAfter,
            new FileInfo(Path.Combine(dataDirectory, "akkalocks.db")).Length);
    }

    /// <summary>Free locks stop after <c>akkalocks.entity.passivate-free-after</c>; wait until (nearly) only the held warm-up lock is left.</summary>
    private static async Task<int> WaitForPassivationAsync(IActorRef region, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        int hosted;
        while ((hosted = await HostedEntitiesAsync(region)) > 1 && watch.Elapsed < timeout) await Task.Delay(TimeSpan.FromSeconds(1));
        return hosted;
    }

    private static async Task<int> HostedEntitiesAsync(IActorRef region)
    {
        var state = await region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(60));
        return state.Shards.Sum(s => s.EntityIds.Count);
    }

    /// <summary>After a full blocking collection, so the managed figure is what is live, not what awaits collection.</summary>
    private static Snapshot Measure()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return new Snapshot(process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false));
    }
}
