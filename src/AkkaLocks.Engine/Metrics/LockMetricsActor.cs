using Akka.Actor;
using AkkaLocks.Core;
using AkkaLocks.Engine.Index;

namespace AkkaLocks.Engine.Metrics;

/// <summary>Counts transitions from the event stream and keeps the held-lock counts and grant times for hold durations.</summary>
internal sealed class LockMetricsActor : ReceiveActor
{
    private readonly LockMetrics _metrics;
    private readonly Dictionary<LockKey, (long Token, DateTimeOffset Since)> _held = [];

    public LockMetricsActor(LockMetrics metrics)
    {
        _metrics = metrics;
        Receive<LockAcquired>(e =>
        {
            _metrics.CountGrant(e.Key);
            Hold(e.Key, e.FencingToken, e.At);
        });
        Receive<HeldLockObserved>(o => Hold(o.Key, o.Holder.FencingToken, o.Holder.AcquiredAt));
        Receive<LockExtended>(_ => { });
        Receive<WaiterNotice>(_metrics.CountQueueChange);
        Receive<LockEvent>(OnEnded);
    }

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(LockEvent));
        Context.System.EventStream.Subscribe(Self, typeof(HeldLockObserved));
        Context.System.EventStream.Subscribe(Self, typeof(WaiterNotice));
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void Hold(LockKey key, long token, DateTimeOffset since)
    {
        if (!_held.ContainsKey(key)) _metrics.HeldChanged(key.Context, +1);
        _held[key] = (token, since);
    }

    private void OnEnded(LockEvent ended)
    {
        if (!_held.TryGetValue(ended.Key, out var held) || held.Token != ended.FencingToken) return;
        _held.Remove(ended.Key);
        _metrics.HeldChanged(ended.Key.Context, -1);
        _metrics.CountEnd(ended, ended.At - held.Since);
    }
}
