namespace AkkaLocks.Core;

/// <summary>
/// Fair waiting over <see cref="LockStateMachine"/>: a busy acquire that may wait joins a bounded FIFO queue; when
/// the lock becomes free (release, expiry, force-release, abandonment) it passes straight to the first live waiter,
/// as an ordinary persisted grant. Waits that run out are answered Busy; abandoned waiters leave at once, and a grant
/// that reached an abandoned caller is released. Pure, like the machine it wraps: time comes in as <c>now</c>.
/// </summary>
public static class WaitingLockMachine
{
    public static WaitingDecision Decide(LockState state, WaitQueue queue, LockCommand command, DateTimeOffset now, int maxWaiters)
    {
        var replies = new List<WaiterReply>();
        var notices = new List<WaiterNotice>();
        // Waits that ran out are answered before anything else, so no command can hand the lock to one.
        queue = DropTimedOut(state, queue, now, replies, notices);

        LockReply? reply;
        IReadOnlyList<LockEvent> events;
        switch (command)
        {
            case AbandonAcquire abandon when queue.Find(abandon.Handle) is { } waiter:
                queue = queue.Remove(waiter);
                notices.Add(new WaiterLeft(state.Key, waiter.Request.Owner, now, WaiterLeftReason.Abandoned));
                (reply, events) = (new NotHeld(state.HolderAt(now)), []);
                break;
            case AcquireLock acquire when RetryOfEndedGrant(state, acquire, now) is { } ended:
                (reply, events) = (ended, []);
                break;
            case AcquireLock acquire when acquire.Waits && queue.FindRetried(acquire) is { } original:
                // A retry while the original still waits: it takes the original's turn; the original is answered Busy.
                var retry = new Waiter(acquire, original.QueuedAt, now + acquire.Wait!.Value);
                queue = queue.Replace(original, retry);
                replies.Add(new WaiterReply(original.Handle, BusyOrFree(state)));
                notices.Add(new WaiterLeft(state.Key, original.Request.Owner, now, WaiterLeftReason.Superseded));
                (reply, events) = (null, []);
                break;
            default:
                var decision = LockStateMachine.Decide(state, command, now);
                (reply, events) = (decision.Reply, decision.Events);
                if (command is AcquireLock { Waits: true } waiting && reply is Busy busy)
                {
                    if (queue.Count >= maxWaiters)
                    {
                        reply = busy with { QueueFull = true };
                    }
                    else
                    {
                        queue = queue.Enqueue(new Waiter(waiting, now, now + waiting.Wait!.Value));
                        notices.Add(new WaiterQueued(state.Key, waiting.Owner, now, queue.Count));
                        reply = null;
                    }
                }
                break;
        }

        var after = events.Aggregate(state, LockStateMachine.Apply);
        var handOff = HandOff(after, queue, now, replies);
        queue = handOff.Queue;
        events = [.. events, .. handOff.Events];
        if (reply is LockStatus status) reply = status with { Waiters = queue.Views() };
        return new WaitingDecision(reply, events, queue, replies, notices);
    }

    /// <summary>A free lock goes to the first waiter in line (all waiters are live: timed-out ones were dropped first).</summary>
    private static (WaitQueue Queue, IReadOnlyList<LockEvent> Events) HandOff(LockState state, WaitQueue queue, DateTimeOffset now, List<WaiterReply> replies)
    {
        if (state.HolderAt(now) is not null || queue.IsEmpty) return (queue, []);
        var next = queue.Waiters[0];
        queue = queue.Remove(next);
        var decision = LockStateMachine.Decide(state, next.Request with { Wait = null }, now);
        replies.Add(new WaiterReply(next.Handle, decision.Reply));
        // The request was checked when it queued, so on a free lock the decision is a grant (after the lapse of an
        // overdue holder that no event has recorded yet).
        return (queue, decision.Events);
    }

    private static WaitQueue DropTimedOut(LockState state, WaitQueue queue, DateTimeOffset now, List<WaiterReply> replies, List<WaiterNotice> notices)
    {
        // A plain walk over the queue as it was (removing makes a new one): it runs for every command, and most locks have
        // nobody waiting, for whom a filter and a list were allocated all the same.
        foreach (var waiter in queue.Waiters)
        {
            if (waiter.IsLiveAt(now)) continue;
            queue = queue.Remove(waiter);
            replies.Add(new WaiterReply(waiter.Handle, BusyOrFree(state)));
            notices.Add(new WaiterLeft(state.Key, waiter.Request.Owner, now, WaiterLeftReason.TimedOut));
        }
        return queue;
    }

    /// <summary>
    /// A retry (same owner, user and request id) of a request whose grant has ended since: the original outcome was
    /// that grant, so the retry is told so instead of getting a second one. A grant still held is answered by the
    /// machine itself (same owner: already held).
    /// </summary>
    private static GrantEnded? RetryOfEndedGrant(LockState state, AcquireLock acquire, DateTimeOffset now)
    {
        if (acquire.RequestId is not { } id || state.LastRequest is not { } last) return null;
        if (last.RequestId != id || last.Owner != acquire.Owner) return null;
        return state.HolderAt(now)?.FencingToken == last.FencingToken ? null : new GrantEnded(id, last.FencingToken);
    }

    // A waiter exists only while the lock is held; a lock freed in the same instant answers the waiter NotHeld.
    private static LockReply BusyOrFree(LockState state) => state.Holder is { } h ? new Busy(h) : new NotHeld(null);
}
