namespace AkkaLocks.Core;

/// <summary>
/// What a command does to a lock and its queue: the events to persist, the reply to the caller (null while the
/// caller waits in the queue), the new queue, the replies owed to waiters (by handle), and notices for watchers.
/// Replies and notices are sent only once the events are persisted.
/// </summary>
public sealed record WaitingDecision(
    LockReply? Reply,
    IReadOnlyList<LockEvent> Events,
    WaitQueue Queue,
    IReadOnlyList<WaiterReply> WaiterReplies,
    IReadOnlyList<WaiterNotice> Notices);

/// <summary>The answer owed to the waiter named by <paramref name="Handle"/>.</summary>
public sealed record WaiterReply(string Handle, LockReply Reply);
