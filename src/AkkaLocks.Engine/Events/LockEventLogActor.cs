using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using AkkaLocks.Core;

namespace AkkaLocks.Engine.Events;

/// <summary>
/// Keeps the recent transitions of every lock, as the entities publish them, and
/// answers readers that ask for what came after the last id they saw, holding a reader until the next event
/// or its timeout (a long poll). Sees the transitions of every node's locks (<see cref="LockTransitionTopic"/>).
/// </summary>
internal sealed class LockEventLogActor : ReceiveActor, IWithTimers
{
    private const string SweepTimer = "sweep";
    private readonly LockEventLogOptions _options;
    private readonly Dictionary<LockKey, LinkedList<LockEventRecord>> _byLock = [];
    private readonly RecencyOrder<LockKey> _recentlyChanged = new();
    private readonly Dictionary<long, Waiter> _waiters = [];
    private long _lastId;
    private long _lastWaiterId;

    public LockEventLogActor(LockEventLogOptions options)
    {
        _options = options;
        // Ids start from the clock, so ids handed out after a restart are larger than those before it and a
        // reader holding an old id is not held back behind numbers that restart from zero.
        _lastId = Context.System.Scheduler.Now.ToUnixTimeMilliseconds() * 1000;

        Receive<LockEvent>(e =>
        {
            if (!LockTransitionTopic.IsEchoOfThisNode(Sender)) Append(e);
        });
        Receive<SubscribeAck>(_ => { });
        Receive<WaiterNotice>(_ => { });   // the topic carries waiter notices for the feed; the lock queues keep transitions only
        Receive<ReadLockEvents>(Read);
        Receive<CountLockEvents>(c => Sender.Tell(new LockEventCount(_byLock.TryGetValue(c.Key, out var log) ? log.Count : 0)));
        Receive<WaitExpired>(OnWaitExpired);
        Receive<Sweep>(_ => ForgetIdleLocks());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props PropsFor(LockEventLogOptions options) => Props.Create(() => new LockEventLogActor(options));

    protected override void PreStart()
    {
        LockTransitionTopic.Subscribe(Context, typeof(LockEvent));
        Timers.StartPeriodicTimer(SweepTimer, Sweep.Instance, _options.Retention);
    }

    protected override void PostStop() => LockTransitionTopic.Unsubscribe(Context);

    private void Append(LockEvent @event)
    {
        if (!_byLock.TryGetValue(@event.Key, out var log)) _byLock[@event.Key] = log = new LinkedList<LockEventRecord>();
        _recentlyChanged.Touch(@event.Key);
        if (_byLock.Count > _options.MaxLocks && _recentlyChanged.TryRemoveOldest(out var oldest)) _byLock.Remove(oldest);
        var record = new LockEventRecord(++_lastId, @event);
        log.AddLast(record);
        while (log.Count > _options.EventsPerLock) log.RemoveFirst();
        // Usually no reader waits; the search's closure would be allocated on every transition of every lock all the same.
        if (_waiters.Count > 0) AnswerReadersOf(@event.Key, log);
    }

    private void AnswerReadersOf(LockKey key, LinkedList<LockEventRecord> log)
    {
        foreach (var (id, waiter) in _waiters.Where(w => w.Value.Key == key).ToList())
        {
            waiter.ReplyTo.Tell(new LockEventBatch(After(log, waiter.AfterId, waiter.Max)));
            Forget(id);
        }
    }

    private void Read(ReadLockEvents read)
    {
        var log = _byLock.GetValueOrDefault(read.Key);
        var found = log is null ? [] : Select(log, read.From, read.Max);
        if (found.Count > 0 || read.Wait <= TimeSpan.Zero)
        {
            Sender.Tell(new LockEventBatch(found));
            return;
        }
        var afterId = read.From switch
        {
            LockEventCursor.AfterId a => a.Id,
            LockEventCursor.FromFirst => 0,
            _ => _lastId,   // Last, or a time with nothing since: whatever arrives next
        };
        var waiterId = ++_lastWaiterId;
        _waiters[waiterId] = new Waiter(read.Key, afterId, read.Max, Sender);
        Timers.StartSingleTimer(waiterId, new WaitExpired(waiterId), read.Wait);
    }

    private List<LockEventRecord> Select(LinkedList<LockEventRecord> log, LockEventCursor from, int max) => from switch
    {
        LockEventCursor.FromFirst => After(log, 0, max),
        LockEventCursor.AfterId a => After(log, a.Id, max),
        LockEventCursor.SinceTime t => log.Where(r => r.Event.At >= t.At).Take(max).ToList(),
        _ => [],
    };

    private static List<LockEventRecord> After(LinkedList<LockEventRecord> log, long afterId, int max) =>
        log.Where(r => r.Id > afterId).Take(Math.Max(1, max)).ToList();

    private void OnWaitExpired(WaitExpired expired)
    {
        if (!_waiters.TryGetValue(expired.WaiterId, out var waiter)) return;
        waiter.ReplyTo.Tell(new LockEventBatch([]));
        _waiters.Remove(expired.WaiterId);
    }

    private void Forget(long waiterId)
    {
        _waiters.Remove(waiterId);
        Timers.Cancel(waiterId);
    }

    private void ForgetIdleLocks()
    {
        var horizon = Context.System.Scheduler.Now - _options.Retention;
        foreach (var key in _byLock.Where(l => l.Value.Last!.Value.Event.At < horizon).Select(l => l.Key).ToList())
        {
            _byLock.Remove(key);
            _recentlyChanged.Remove(key);
        }
    }

    private sealed record Waiter(LockKey Key, long AfterId, int Max, IActorRef ReplyTo);

    private sealed record WaitExpired(long WaiterId);

    private sealed record Sweep
    {
        public static readonly Sweep Instance = new();
    }
}
