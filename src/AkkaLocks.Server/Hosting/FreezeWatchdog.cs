using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster;

namespace AkkaLocks.Server.Hosting;

/// <summary>
/// Downs this node when it finds the process was frozen (SIGSTOP, a stalled VM, a pathological GC pause) for at least
/// the Split Brain Resolver's stable-after: the other nodes may have downed it meanwhile and restarted its locks from
/// the journal. Without this, a woken node believes it is Up, answers from its old lock actors and reports healthy
/// until its own resolver downs it, stable-after later (20 s by default); with it, that window is the time this thread
/// takes to run after SIGCONT. Downing itself leads to the usual end: coordinated shutdown, the host stops, exit code 3.
/// A freeze shorter than stable-after cannot have been decided on by the others, so it is let pass; one slightly
/// longer than needed costs a restart, never a second holder.
/// </summary>
internal sealed class FreezeWatchdog(ActorSystem system, ILogger<FreezeWatchdog> logger) : IHostedService, IDisposable
{
    private const string StableAfterPath = "akka.cluster.split-brain-resolver.stable-after";

    /// <summary>How often the thread looks at the clock; a freeze shows as one late look.</summary>
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    private readonly CancellationTokenSource _stop = new();
    private Thread? _thread;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var stableAfter = system.Settings.Config.GetTimeSpan(StableAfterPath);
        // A thread of its own, not a timer on the thread pool: a busy pool must not look like a freeze.
        _thread = new Thread(() => Watch(stableAfter)) { IsBackground = true, Name = "akkalocks-freeze-watchdog" };
        _thread.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stop.Cancel();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops the thread before disposing what it waits on: a host that failed to start (its port taken) is disposed
    /// without StopAsync, and the thread reading a disposed token source crashed the process on its way out.
    /// </summary>
    public void Dispose()
    {
        _stop.Cancel();
        _thread?.Join();
        _stop.Dispose();
    }

    private void Watch(TimeSpan stableAfter)
    {
        var last = Stopwatch.GetTimestamp();
        while (!_stop.Token.WaitHandle.WaitOne(Tick))
        {
            var now = Stopwatch.GetTimestamp();
            var frozen = Stopwatch.GetElapsedTime(last, now) - Tick;
            last = now;
            if (frozen >= stableAfter && TryDownSelf(frozen, stableAfter)) return;
        }
    }

    private bool TryDownSelf(TimeSpan frozen, TimeSpan stableAfter)
    {
        var cluster = Cluster.Get(system);
        if (cluster.State.Members.Count <= 1) return false;   // a cluster of one: nobody could have taken its locks
        logger.LogCritical(
            "This process was frozen for {Frozen:0.0} s, at least the Split Brain Resolver's stable-after ({StableAfter:0.0} s): the other nodes may have downed it and taken its locks, so it downs itself",
            frozen.TotalSeconds, stableAfter.TotalSeconds);
        cluster.Down(cluster.SelfAddress);
        return true;
    }
}
