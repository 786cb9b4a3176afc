namespace AkkaLocks.Core;

/// <summary>
/// A request queued for a busy lock. Its minted handle names it: the actor keeps the reply address under it,
/// and the caller's facade abandons it by it.
/// </summary>
public sealed record Waiter(AcquireLock Request, DateTimeOffset QueuedAt, DateTimeOffset Deadline)
{
    public string Handle => Request.NewHandle;

    public bool IsLiveAt(DateTimeOffset now) => now < Deadline;

    public WaiterView ToView() => new(Request.Owner, QueuedAt, Deadline);
}

/// <summary>What anyone may see of a waiter: not its handle.</summary>
public sealed record WaiterView(string Owner, DateTimeOffset QueuedAt, DateTimeOffset Deadline);
