using System.Diagnostics;
using AkkaLocks.LoadGen.Targets;

namespace AkkaLocks.LoadGen;

/// <summary>
/// Runs N workers doing acquire-then-release cycles for a fixed time after a warm-up (for a workload of many keys, after
/// <see cref="KeyPrimer"/> touched each once). Every loop is bounded by the deadline, and a cancellation shortly after it
/// frees a worker stuck in a blocking call.
/// </summary>
internal sealed class ScenarioRunner(TimeSpan warmup, TimeSpan duration)
{
    // Long enough to let a queued AkkaLocks or etcd waiter be granted, short enough to see a lost wake-up as busy.
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(2);

    public async Task<ScenarioResult> RunAsync(ILockTarget target, Workload workload, int workers, CancellationToken cancellationToken)
    {
        if (workload.Keys > 1 && target.Locks) await KeyPrimer.PrimeAsync(target, workload, cancellationToken);
        var sessions = new ILockSession[workers];
        for (var i = 0; i < workers; i++) sessions[i] = await target.OpenAsync(i, cancellationToken);

        var state = new RunState(workload, target.Locks, Stopwatch.GetTimestamp() + Ticks(warmup), Stopwatch.GetTimestamp() + Ticks(warmup + duration));
        using var hardStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        hardStop.CancelAfter(warmup + duration + MaxWait + TimeSpan.FromSeconds(3));
        var recorders = Enumerable.Range(0, workers).Select(_ => new WorkerFigures()).ToArray();
        try
        {
            await Task.WhenAll(Enumerable.Range(0, workers).Select(i => Task.Run(() => WorkAsync(i, sessions[i], state, recorders[i], hardStop.Token), CancellationToken.None)));
        }
        finally
        {
            foreach (var session in sessions) await session.DisposeAsync();
        }

        var seconds = duration.TotalSeconds;
        var cycles = recorders.Sum(r => r.Cycles);
        return new ScenarioResult(
            target.Name, target.IsSubject, workload.Name, workers, seconds, cycles, cycles / seconds,
            recorders.Sum(r => r.Busy) / seconds,
            LatencyRecorder.Summarize(recorders.Select(r => r.Acquire)),
            LatencyRecorder.Summarize(recorders.Select(r => r.Release)),
            recorders.Sum(r => r.Errors), state.Safety.Maximum,
            recorders.Select(r => r.FirstError).FirstOrDefault(e => e is not null));
    }

    private static async Task WorkAsync(int worker, ILockSession session, RunState state, WorkerFigures figures, CancellationToken cancellationToken)
    {
        var random = new Random(worker * 7919 + 17);
        var workload = state.Workload;
        try
        {
            while (Stopwatch.GetTimestamp() < state.Deadline)
            {
                var index = workload.Keys == 1 ? 0 : random.Next(workload.Keys);
                var key = "k" + index;
                var started = Stopwatch.GetTimestamp();
                var measured = started >= state.MeasureFrom;
                try
                {
                    var attempt = await AcquireAsync(session, key, state, figures, measured, cancellationToken);
                    if (attempt.Status == AttemptStatus.Busy) continue;
                    if (attempt.Status == AttemptStatus.Error)
                    {
                        figures.Fail(measured, attempt.Error!);
                        await Task.Delay(10, cancellationToken);
                        continue;
                    }
                    var acquired = Stopwatch.GetTimestamp();
                    if (state.Locks)
                    {
                        state.Safety.Enter(index);
                        state.Safety.Leave(index);
                    }
                    var releasing = Stopwatch.GetTimestamp();
                    var released = await session.ReleaseAsync(key, attempt.Token!, cancellationToken);
                    var done = Stopwatch.GetTimestamp();
                    if (!measured) continue;
                    figures.Acquire.Record(acquired - started);
                    figures.Release.Record(done - releasing);
                    if (released) figures.Cycles++;
                    else figures.Fail(measured, "release: not held");
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    figures.Fail(measured, e.GetType().Name + ": " + e.Message);
                    await Task.Delay(10, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The hard stop: a call was still blocked after the deadline.
        }
    }

    /// <summary>Acquires <paramref name="key"/>, retrying a contended key until the deadline; busy answers are counted.</summary>
    private static async Task<LockAttempt> AcquireAsync(ILockSession session, string key, RunState state, WorkerFigures figures, bool measured, CancellationToken cancellationToken)
    {
        while (true)
        {
            var remaining = TimeSpan.FromSeconds((double)(state.Deadline - Stopwatch.GetTimestamp()) / Stopwatch.Frequency);
            if (remaining <= TimeSpan.Zero) return LockAttempt.Busy;
            var maxWait = remaining < MaxWait ? remaining : MaxWait;
            var attempt = await session.AcquireAsync(key, state.Workload.Contended, maxWait, cancellationToken);
            if (attempt.Status != AttemptStatus.Busy) return attempt;
            if (measured) figures.Busy++;
            if (!state.Workload.Contended) return attempt;
            // A target without a server-side wait answers busy at once: spin with a small sleep, as its clients do.
            await Task.Delay(1, cancellationToken);
        }
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private sealed class RunState(Workload workload, bool locks, long measureFrom, long deadline)
    {
        public Workload Workload { get; } = workload;
        public bool Locks { get; } = locks;
        public long MeasureFrom { get; } = measureFrom;
        public long Deadline { get; } = deadline;
        public SafetyCounter Safety { get; } = new(workload.Keys);
    }

    /// <summary>One worker's counts: written by that worker only, read after all workers finished.</summary>
    private sealed class WorkerFigures
    {
        public LatencyRecorder Acquire { get; } = new();
        public LatencyRecorder Release { get; } = new();
        public long Cycles { get; set; }
        public long Busy { get; set; }
        public long Errors { get; private set; }
        public string? FirstError { get; private set; }

        public void Fail(bool measured, string error)
        {
            if (measured) Errors++;
            FirstError ??= error;
        }
    }
}
