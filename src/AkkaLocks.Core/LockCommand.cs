namespace AkkaLocks.Core;

/// <summary>A request to one lock. The lock's key travels beside the command, not inside it.</summary>
public abstract record LockCommand;

/// <summary>
/// Take the lock for <paramref name="Owner"/>. <paramref name="NewHandle"/> is minted by the caller
/// (the model has no randomness) and used only if the lock is granted anew.
/// </summary>
/// <param name="TakeOver">Grant even when another owner holds it (esoco's forced request): an admin operation.</param>
/// <param name="User">The authenticated user asking, if any; the lock then answers to that user only.</param>
/// <param name="Wait">How long to queue for the lock when another owner holds it; null or zero answers Busy at once.</param>
/// <param name="RequestId">The caller's id for this request: a retry with the same id and owner never gets a second grant.</param>
public sealed record AcquireLock(
    string Owner,
    string NewHandle,
    TimeSpan? Ttl,
    string? Data = null,
    string? ClientAddress = null,
    bool TakeOver = false,
    string? User = null,
    TimeSpan? Wait = null,
    string? RequestId = null) : LockCommand
{
    /// <summary>Whether the caller is willing to queue when the lock is busy.</summary>
    public bool Waits => Wait is { } w && w > TimeSpan.Zero;
}

/// <summary>
/// The caller of the acquire that minted <paramref name="Handle"/> is gone (cancelled, timed out): drop it from
/// the queue, or, if the lock was already granted to it, release it at once, since nobody will ever use that grant.
/// </summary>
public sealed record AbandonAcquire(string Handle) : LockCommand;

/// <summary>The lock's own timer: answer Busy to every waiter whose wait has run out.</summary>
public sealed record ExpireWaiters : LockCommand
{
    public static readonly ExpireWaiters Instance = new();
}

/// <summary>Restart the holder's TTL from now, proving holdership with the handle.</summary>
public sealed record ExtendLock(string Handle, TimeSpan Ttl, string? User = null) : LockCommand;

/// <summary>Free the lock if the caller holds it, proven by the handle or, for esoco clients, by the owner id.</summary>
public sealed record ReleaseLock(string? Handle, string? Owner, string? User = null) : LockCommand
{
    public static ReleaseLock ByHandle(string handle, string? user = null) => new(handle, null, user);
    public static ReleaseLock ByOwner(string owner, string? user = null) => new(null, owner, user);

    public bool IsProvenBy(LockHolder holder) =>
        Handle is not null ? holder.IsProvenBy(Handle, User) : Owner == holder.Owner && User == holder.User;
}

/// <summary>Free the lock whoever holds it (admin).</summary>
public sealed record ForceReleaseLock(ForceReleaseReason Reason = ForceReleaseReason.Admin) : LockCommand;

/// <summary>The lock's own timer: let a holder past its deadline go.</summary>
public sealed record ExpireLock : LockCommand
{
    public static readonly ExpireLock Instance = new();
}

/// <summary>Read the lock's current state (lapsing an overdue holder first).</summary>
public sealed record InspectLock : LockCommand
{
    public static readonly InspectLock Instance = new();
}
