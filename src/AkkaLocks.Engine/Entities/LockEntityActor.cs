using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Akka.Persistence;
using AkkaLocks.Core;
using AkkaLocks.Engine.Index;
using AkkaLocks.Engine.Sharding;

namespace AkkaLocks.Engine.Entities;

/// <summary>
/// Hosts one lock: decides with <see cref="WaitingLockMachine"/>, persists the events before replying,
/// publishes them on the event stream, schedules its own expiry and its waiters' deadlines, compacts its
/// journal every <c>snapshot-every</c> events and once more as it passivates itself (while free and nobody waits). Waiters are
/// open asks: their reply addresses live here, in memory only. Its clock is the scheduler's, so virtual time
/// in tests reaches the lock model.
/// </summary>
internal sealed class LockEntityActor : PersistentActor, IWithTimers
{
    private const string ExpiryTimer = "expiry";
    private const string WaitTimer = "wait-deadline";
    private const string IdleTimer = "idle";
    private readonly LockEntitySettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<string, IActorRef> _waiting = new(StringComparer.Ordinal);   // reply address by minted handle
    private readonly Action<LockEvent> _onPersisted;   // one delegate per lock, not one per persist
    private LockState _state;
    private WaitQueue _queue = WaitQueue.Empty;
    private long _snapshotSequenceNr;
    private bool _snapshotInFlight;
    private bool _passivating;
    private DateTimeOffset _lastCommandAt;

    public LockEntityActor(LockKey key, LockEntitySettings settings)
    {
        _settings = settings;
        _state = LockState.Free(key);
        PersistenceId = "lock-" + key.EntityId;
        _onPersisted = OnPersisted;
    }

    public override string PersistenceId { get; }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props PropsFor(string entityId, LockEntitySettings settings) =>
        Props.CreateBy(new LockEntityProducer(LockKey.FromEntityId(entityId), settings));   // no expression to compile per lock

    private DateTimeOffset Now => Context.System.Scheduler.Now;

    // Plain switches rather than a ReceivePersistentActor's registered handlers: those are built anew for every
    // instance, and a lock actor starts for every lock that wakes up.
    protected override bool ReceiveRecover(object message)
    {
        switch (message)
        {
            case SnapshotOffer offer: OnSnapshotOffer(offer); return true;
            case LockEvent @event: _state = LockStateMachine.Apply(_state, @event); return true;
            case RecoveryCompleted: OnRecovered(); return true;
            default: return false;
        }
    }

    protected override bool ReceiveCommand(object message)
    {
        switch (message)
        {
            case LockRequest request: Handle(request.Command, Sender); return true;
            case ExpiryDue: Handle(ExpireLock.Instance, ActorRefs.Nobody); return true;
            case WaitDeadlineDue: Handle(ExpireWaiters.Instance, ActorRefs.Nobody); return true;
            case IdleCheck: OnIdleCheck(); return true;
            case StopIfFree: Stop(); return true;
            // Deferred: a command stashed during a persist runs as soon as the events are written, before the deferred
            // answer to the caller; stopping then would leave a durable grant unanswered.
            case StopForHandOff stop: DeferAsync(stop, _ => Context.Stop(Self)); return true;
            case SaveSnapshotSuccess saved: OnSnapshotSaved(saved); return true;
            case SaveSnapshotFailure failed: OnSnapshotFailed(failed); return true;
            case DeleteMessagesFailure f: _log.Warning(f.Cause, "Compacting the journal of {0} failed.", _state.Key); return true;
            case DeleteSnapshotsFailure f: _log.Warning(f.Cause, "Deleting old snapshots of {0} failed.", _state.Key); return true;
            case DeleteMessagesSuccess or DeleteSnapshotsSuccess: return true;
            default: return false;
        }
    }

    private void OnSnapshotOffer(SnapshotOffer offer)
    {
        _state = (LockState)offer.Snapshot;
        _snapshotSequenceNr = offer.Metadata.SequenceNr;
    }

    private void OnRecovered()
    {
        if (_state.Holder is { } holder)
            Context.System.EventStream.Publish(new HeldLockObserved(_state.Key, holder));
        // A lock whose deadline passed while no node hosted it lapses now, through the same path as any expiry.
        AfterTransition();
    }

    private void Handle(LockCommand command, IActorRef replyTo)
    {
        _passivating = false;   // traffic arrived: stay up
        _lastCommandAt = Now;
        var decision = WaitingLockMachine.Decide(_state, _queue, command, Now, _settings.MaxWaiters);
        _queue = decision.Queue;
        if (decision.Reply is null && command is AcquireLock queued) _waiting[queued.NewHandle] = replyTo;
        // The caller of an abandoned wait has gone: its reply address would otherwise stay as long as the lock is held.
        if (command is AbandonAcquire abandoned) _waiting.Remove(abandoned.Handle);
        if (decision.Events.Count == 0)
        {
            Answer(decision, replyTo);
            return;
        }
        PersistAll(decision.Events, _onPersisted);
        DeferAsync(decision, d => Answer(d, replyTo));
    }

    /// <summary>Once the decision's events are durable: its timers, the caller, the waiters it concerns, then watchers.</summary>
    private void Answer(WaitingDecision decision, IActorRef replyTo)
    {
        // Timers first: whoever hears the answer (a test advancing virtual time, a caller counting on the TTL) finds
        // the expiry already armed for the new deadline.
        AfterTransition();
        if (decision.Reply is { } reply) replyTo.Tell(reply);
        foreach (var (handle, waiterReply) in decision.WaiterReplies)
        {
            if (_waiting.Remove(handle, out var waiter)) waiter.Tell(waiterReply);
        }
        foreach (var notice in decision.Notices) Context.System.EventStream.Publish(notice);
    }

    private void OnPersisted(LockEvent @event)
    {
        _state = LockStateMachine.Apply(_state, @event);
        Context.System.EventStream.Publish(@event);
        if (_log.IsDebugEnabled)
            _log.Debug("{0} {1} owner={2} token={3}", @event.GetType().Name, @event.Key, @event.Owner, @event.FencingToken);
        if (@event is LockExpired or LockForceReleased)
            _log.Warning("{0} {1} taken from owner={2} token={3}", @event.GetType().Name, @event.Key, @event.Owner, @event.FencingToken);
    }

    /// <summary>
    /// The journal refused an event (one it could not serialize, or a store's refusal) and stored nothing of it. Akka's
    /// default logs and carries on, and the deferred answer would then tell the caller of a change that is not durable: a
    /// grant, with a fencing token, that the lock's state never took, and the same token again for the next owner. So the
    /// lock stops without answering, as on a failed write: its callers' asks time out, its waiters hear why from
    /// <see cref="PostStop"/>, and the next request starts it again from what its journal holds.
    /// </summary>
    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        _log.Error(cause, "The journal rejected {0} #{1} of {2}; the lock stops and starts again from its journal.", @event.GetType().Name, sequenceNr, _state.Key);
        Context.Stop(Self);
    }

    /// <summary>Arms or cancels the timers, compacts once enough events piled up, and lets a free lock passivate.</summary>
    private void AfterTransition()
    {
        if (_state.Holder is { ExpiresAt: { } deadline })
        {
            var due = deadline - Now;
            Timers.StartSingleTimer(ExpiryTimer, ExpiryDue.Instance, due > TimeSpan.Zero ? due : TimeSpan.Zero);
        }
        else
        {
            Timers.Cancel(ExpiryTimer);
        }

        if (_queue.EarliestDeadline is { } waitEnds)
        {
            var due = waitEnds - Now;
            Timers.StartSingleTimer(WaitTimer, WaitDeadlineDue.Instance, due > TimeSpan.Zero ? due : TimeSpan.Zero);
        }
        else
        {
            Timers.Cancel(WaitTimer);
        }

        // Held or not: a lock held for days and extended every few seconds, or one handed from waiter to waiter without
        // ever being free, would otherwise pile up events without bound, and replay them all after every move.
        if (LastSequenceNr - _snapshotSequenceNr >= _settings.SnapshotEvery) Compact();
        // One timer per idle period, not Akka's receive timeout: that one is cancelled and scheduled again after every
        // message while the lock is free, several times per acquire and release on a busy lock.
        if (!_state.IsHeld && _queue.IsEmpty && !Timers.IsTimerActive(IdleTimer))
            Timers.StartSingleTimer(IdleTimer, IdleCheck.Instance, _settings.PassivateFreeAfter);
    }

    /// <summary>Snapshots the state (keeping the fencing counter, and the holder if any); the older events go once it is stored.</summary>
    private void Compact()
    {
        if (_snapshotInFlight) return;
        _snapshotInFlight = true;
        SaveSnapshot(_state);
    }

    /// <summary>The idle timer ran out: passivate if no command came for a whole idle time, else wait out the rest of it.</summary>
    private void OnIdleCheck()
    {
        if (_state.IsHeld || !_queue.IsEmpty) return;   // the transition that frees the lock arms the timer again
        var idleFor = Now - _lastCommandAt;
        if (idleFor < _settings.PassivateFreeAfter) Timers.StartSingleTimer(IdleTimer, IdleCheck.Instance, _settings.PassivateFreeAfter - idleFor);
        else BeginPassivation();
    }

    private void BeginPassivation()
    {
        if (_state.IsHeld || !_queue.IsEmpty) return;
        _passivating = true;
        // A lock may sleep for good once it stops: it leaves one snapshot (its fencing counter) rather than up to
        // snapshot-every events, and its next start reads one row. The three writes this costs (snapshot, delete events,
        // delete snapshots) share the commits of other locks' writes (LoggedWriter), so stopping no longer queues behind them.
        if (LastSequenceNr > _snapshotSequenceNr) Compact();
        else Context.Parent.Tell(new Passivate(StopIfFree.Instance));
    }

    private void OnSnapshotSaved(SaveSnapshotSuccess success)
    {
        _snapshotInFlight = false;
        var sequenceNr = success.Metadata.SequenceNr;
        _snapshotSequenceNr = sequenceNr;
        DeleteMessages(sequenceNr);
        DeleteSnapshots(new SnapshotSelectionCriteria(sequenceNr - 1));
        if (_passivating) Context.Parent.Tell(new Passivate(StopIfFree.Instance));
        // A slow snapshot may have let more events pile up meanwhile; no later transition need come to trigger the next.
        else if (LastSequenceNr - _snapshotSequenceNr >= _settings.SnapshotEvery) Compact();
    }

    /// <summary>A failed snapshot only delays compaction: the journal still holds every event.</summary>
    private void OnSnapshotFailed(SaveSnapshotFailure failure)
    {
        _snapshotInFlight = false;
        _log.Warning(failure.Cause, "Snapshot of {0} failed; its journal is compacted later.", _state.Key);
        if (_passivating) Context.Parent.Tell(new Passivate(StopIfFree.Instance));
    }

    /// <summary>
    /// The shard stops us on request, but a command already in our mailbox may have taken the lock since.
    /// A held lock must stay remembered (so it is recovered and expires after a restart), so we ask the
    /// shard to start us again: it buffers that request until we have stopped.
    /// </summary>
    private void Stop()
    {
        if (_state.IsHeld) Context.Parent.Tell(new LockRequest(_state.Key, InspectLock.Instance), ActorRefs.NoSender);
        Context.Stop(Self);
    }

    /// <summary>Waiters are open requests of this incarnation: a stopping lock answers them rather than leave them hanging.</summary>
    protected override void PostStop()
    {
        foreach (var waiter in _queue.Waiters)
        {
            if (_waiting.Remove(waiter.Handle, out var replyTo))
                replyTo.Tell(_state.Holder is { } holder ? new Busy(holder) : new NotHeld(null));
            Context.System.EventStream.Publish(new WaiterLeft(_state.Key, waiter.Request.Owner, Now, WaiterLeftReason.Stopped));
        }
        base.PostStop();
    }

    /// <summary>The stop message this entity passivates with.</summary>
    private sealed class StopIfFree
    {
        public static readonly StopIfFree Instance = new();
    }

    /// <summary>The idle timer's message: a free lock may have gone a whole idle time without a command.</summary>
    private sealed class IdleCheck
    {
        public static readonly IdleCheck Instance = new();
    }

    /// <summary>The wait-deadline timer's message: the first waiter's wait has run out.</summary>
    private sealed class WaitDeadlineDue
    {
        public static readonly WaitDeadlineDue Instance = new();
    }

    /// <summary>The expiry timer's message.</summary>
    private sealed class ExpiryDue
    {
        public static readonly ExpiryDue Instance = new();
    }
}
