using System.Collections.Immutable;

namespace AkkaLocks.Core;

/// <summary>The FIFO queue of requests waiting for one lock; immutable, held in memory by the lock's actor only.</summary>
public sealed record WaitQueue(ImmutableList<Waiter> Waiters)
{
    public static readonly WaitQueue Empty = new(ImmutableList<Waiter>.Empty);

    public int Count => Waiters.Count;

    public bool IsEmpty => Waiters.IsEmpty;

    /// <summary>When the next wait runs out; null when nobody waits.</summary>
    public DateTimeOffset? EarliestDeadline => Waiters.IsEmpty ? null : Waiters.Min(w => w.Deadline);

    public WaitQueue Enqueue(Waiter waiter) => new(Waiters.Add(waiter));

    public Waiter? Find(string handle) => Waiters.Find(w => w.Handle == handle);

    /// <summary>The queued request that a retry (same owner, user and request id) repeats.</summary>
    public Waiter? FindRetried(AcquireLock retry) =>
        retry.RequestId is null
            ? null
            : Waiters.Find(w => w.Request.RequestId == retry.RequestId && w.Request.Owner == retry.Owner && w.Request.User == retry.User);

    public WaitQueue Remove(Waiter waiter) => new(Waiters.Remove(waiter));

    /// <summary>The retry takes the place of the request it repeats, so it keeps that request's turn.</summary>
    public WaitQueue Replace(Waiter old, Waiter retry) => new(Waiters.Replace(old, retry));

    public IReadOnlyList<WaiterView> Views() => Waiters.Select(w => w.ToView()).ToList();
}
