using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AkkaLocks.Core;

namespace AkkaLocks.Engine.Metrics;

/// <summary>
/// The engine's OpenTelemetry instruments (meter "AkkaLocks"). Transitions are counted from the event stream
/// by <see cref="LockMetricsActor"/>; what never becomes an event (busy answers, request latency) is recorded
/// by the engine facade. Contexts become a tag only up to <see cref="MaxTaggedContexts"/> of them, so a
/// client inventing contexts cannot blow up the series count.
/// </summary>
public sealed class LockMetrics
{
    public const string MeterName = "AkkaLocks";
    public const int MaxTaggedContexts = 100;
    private const string OtherContexts = "(other)";

    private readonly Counter<long> _grants;
    private readonly Counter<long> _releases;
    private readonly Counter<long> _expiries;
    private readonly Counter<long> _forceReleases;
    private readonly Counter<long> _busy;
    private readonly Histogram<double> _acquireDuration;
    private readonly Histogram<double> _holdDuration;
    private readonly Counter<long> _queued;
    private readonly Counter<long> _leftQueue;
    private readonly Histogram<double> _waitDuration;
    private readonly HashSet<string> _taggedContexts = [];
    private readonly ConcurrentDictionary<string, long> _heldByContext = new();

    public LockMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _grants = meter.CreateCounter<long>("akkalocks.grants", "{grant}", "Locks granted (each new fencing token).");
        _releases = meter.CreateCounter<long>("akkalocks.releases", "{release}", "Locks released by their holder.");
        _expiries = meter.CreateCounter<long>("akkalocks.expiries", "{expiry}", "Locks whose TTL ran out.");
        _forceReleases = meter.CreateCounter<long>("akkalocks.force_releases", "{release}", "Locks taken from their holder by an operator, a reset or a take-over.");
        _busy = meter.CreateCounter<long>("akkalocks.busy", "{answer}", "Acquire requests refused because another owner held the lock.");
        _acquireDuration = meter.CreateHistogram("akkalocks.acquire.duration", "s", "Time to answer an acquire request, durable write included.",
            advice: Buckets(0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10));
        _holdDuration = meter.CreateHistogram("akkalocks.hold.duration", "s", "How long locks were held, from grant to release, expiry or force-release.",
            advice: Buckets(0.01, 0.1, 1, 5, 10, 30, 60, 300, 600, 1800, 3600, 21600, 86400));
        _queued = meter.CreateCounter<long>("akkalocks.queue.waits", "{request}", "Acquire requests that queued behind another owner.");
        _leftQueue = meter.CreateCounter<long>("akkalocks.queue.left", "{request}", "Queued requests that left without the lock (abandoned, timed out, superseded, stopped).");
        _waitDuration = meter.CreateHistogram("akkalocks.wait.duration", "s", "Time an acquire that was allowed to wait took to be answered, granted or not.",
            advice: Buckets(0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900));
        meter.CreateObservableGauge("akkalocks.locks.held", ObserveHeld, "{lock}", "Locks held now.");
    }

    internal void CountGrant(LockKey key) => _grants.Add(1, ContextTag(key));

    internal void CountEnd(LockEvent ended, TimeSpan heldFor)
    {
        var context = ContextTag(ended.Key);
        switch (ended)
        {
            case LockReleased: _releases.Add(1, context); break;
            case LockExpired: _expiries.Add(1, context); break;
            case LockForceReleased forced: _forceReleases.Add(1, context, new("reason", forced.Reason.ToString())); break;
        }
        _holdDuration.Record(heldFor.TotalSeconds, context);
    }

    internal void AcquireAnswered(LockKey key, LockReply reply, TimeSpan took, bool waited)
    {
        var context = ContextTag(key);
        if (reply is Busy) _busy.Add(1, context);
        var outcome = new KeyValuePair<string, object?>("outcome", Outcome(reply));
        _acquireDuration.Record(took.TotalSeconds, context, outcome);
        if (waited) _waitDuration.Record(took.TotalSeconds, context, outcome);
    }

    internal void CountQueueChange(WaiterNotice notice)
    {
        var context = ContextTag(notice.Key);
        if (notice is WaiterLeft left) _leftQueue.Add(1, context, new("reason", left.Reason.ToString()));
        else _queued.Add(1, context);
    }

    /// <summary>Written by the metrics actor only; read by the gauge on each scrape.</summary>
    internal void HeldChanged(string context, long delta) => _heldByContext.AddOrUpdate(context, delta, (_, held) => held + delta);

    private IEnumerable<Measurement<long>> ObserveHeld() =>
        _heldByContext.GroupBy(p => ContextName(p.Key)).Select(g => new Measurement<long>(g.Sum(p => p.Value), new KeyValuePair<string, object?>("context", g.Key)));

    private KeyValuePair<string, object?> ContextTag(LockKey key) => new("context", ContextName(key.Context));

    private string ContextName(string context)
    {
        lock (_taggedContexts)
        {
            if (_taggedContexts.Contains(context)) return context;
            if (_taggedContexts.Count >= MaxTaggedContexts) return OtherContexts;
            _taggedContexts.Add(context);
            return context;
        }
    }

    private static InstrumentAdvice<double> Buckets(params double[] boundaries) => new() { HistogramBucketBoundaries = boundaries };

    private static string Outcome(LockReply reply) => reply switch
    {
        Granted { AlreadyHeld: true } => "already_held",
        Granted => "granted",
        Busy => "busy",
        Rejected => "rejected",
        _ => "other",
    };
}
