namespace AkkaLocks.Core;

// Notices are not persisted: waiters live only as open requests. They are published for watchers.

/// <summary>A change to a lock's wait queue, for watchers.</summary>
public abstract record WaiterNotice(LockKey Key, string Owner, DateTimeOffset At);

/// <summary><see cref="WaiterNotice.Owner"/> queued for the lock, at <paramref name="Position"/> (1 = next).</summary>
public sealed record WaiterQueued(LockKey Key, string Owner, DateTimeOffset At, int Position) : WaiterNotice(Key, Owner, At);

/// <summary><see cref="WaiterNotice.Owner"/> left the queue without the lock (a waiter that is granted leaves by <see cref="LockAcquired"/>).</summary>
public sealed record WaiterLeft(LockKey Key, string Owner, DateTimeOffset At, WaiterLeftReason Reason) : WaiterNotice(Key, Owner, At);

/// <summary>Why a waiter left the queue without the lock.</summary>
public enum WaiterLeftReason
{
    /// <summary>Its caller went away (request cancelled or timed out).</summary>
    Abandoned = 0,

    /// <summary>Its wait ran out; it was answered Busy.</summary>
    TimedOut = 1,

    /// <summary>A retry with the same request id took its place.</summary>
    Superseded = 2,

    /// <summary>The lock's actor stopped (it was answered Busy).</summary>
    Stopped = 3,
}
