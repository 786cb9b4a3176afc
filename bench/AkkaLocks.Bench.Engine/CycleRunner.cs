using System.Diagnostics;
using AkkaLocks.Core;
using AkkaLocks.Engine;

namespace AkkaLocks.Bench.Engine;

/// <summary>
/// Closed loop: each worker acquires then releases, through <see cref="ILockEngine"/> (one ask of the shard region
/// each), as fast as the engine answers. Every grant is durable before it is answered, so a cycle costs at least
/// two journal commits, shared with whatever else is in the same batch.
/// </summary>
internal static class CycleRunner
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ContendedWait = TimeSpan.FromSeconds(30);

    public static async Task<CycleResult> RunAsync(string variant, ILockEngine engine, CycleWorkload workload, int workers, TimeSpan warmup, TimeSpan duration,
        AllocationProbe? allocations = null)
    {
        using var stop = new CancellationTokenSource();
        using var commits = new CommitProbe();
        var measuring = 0;
        var recorders = new List<long>[workers];
        var errors = new long[workers];
        var tasks = new Task[workers];
        for (var w = 0; w < workers; w++)
        {
            var worker = w;
            recorders[w] = new List<long>(16 * 1024);
            tasks[w] = Task.Run(() => WorkAsync(engine, workload, worker, workers, recorders[worker], errors, () => Volatile.Read(ref measuring) == 1, stop.Token));
        }
        await Task.Delay(warmup);
        Volatile.Write(ref measuring, 1);
        var gc = new GcProbe();
        var cpu = new CpuProbe();
        commits.Start();
        cpu.Start();
        gc.Start();
        allocations?.Reset();
        var watch = Stopwatch.StartNew();
        await Task.Delay(duration);
        Volatile.Write(ref measuring, 2);
        var seconds = watch.Elapsed.TotalSeconds;
        var commitFigures = commits.Stop();
        var gcFigures = gc.Stop(seconds);
        var cpuTime = cpu.Stop();
        stop.Cancel();
        await Task.WhenAll(tasks);
        var all = recorders.SelectMany(r => r).ToArray();
        Array.Sort(all);
        return new CycleResult(variant, workload.Name, workers, all.Length, seconds, Millis(Percentile(all, 0.5)), Millis(Percentile(all, 0.99)), errors.Sum(), commitFigures, gcFigures, cpuTime);
    }

    private static async Task WorkAsync(ILockEngine engine, CycleWorkload workload, int worker, int workers, List<long> acquireTicks, long[] errors,
        Func<bool> measuring, CancellationToken stop)
    {
        var owner = "bench-" + worker;
        // Keys of their own per scenario, so every scenario starts on locks no earlier one has started.
        var prefix = $"{workload.Name}-{workers}-w{worker}-k";
        var keysPerWorker = Math.Max(1, workload.Keys / workers);
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var key = workload.Contended ? new LockKey("bench", "contended") : new LockKey("bench", prefix + (n % keysPerWorker));
            var started = Stopwatch.GetTimestamp();
            var request = new AcquireRequest(owner, Ttl, Wait: workload.Contended ? ContendedWait : null);
            // Once the measurement ended the loop finishes its cycle without counting it, so no lock is left held.
            var inWindow = measuring();
            try
            {
                if (await engine.AcquireAsync(key, request) is not Granted granted)
                {
                    Interlocked.Increment(ref errors[worker]);
                    continue;
                }
                var acquired = Stopwatch.GetTimestamp();
                var released = await engine.ReleaseAsync(key, new ReleaseLock(granted.Holder.Handle, owner));
                if (released is not Released) Interlocked.Increment(ref errors[worker]);
                else if (inWindow && measuring()) acquireTicks.Add(acquired - started);
            }
            catch (Exception) when (!stop.IsCancellationRequested)
            {
                Interlocked.Increment(ref errors[worker]);
            }
        }
    }

    private static long Percentile(long[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];

    private static double Millis(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
