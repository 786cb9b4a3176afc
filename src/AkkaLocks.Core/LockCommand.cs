namespace AkkaLocks.Core;

/// <summary>A request to one lock. The lock's key travels beside the command, not inside it.</summary>
public abstract record LockCommand;

/// <summary>
/// Take the lock for <paramref name="Owner"/>. <paramref name="NewHandle"/> is minted by the caller
/// (the model has no randomness) and used only if the lock is granted anew.
/// </summary>
/// <param name="TakeOver">Grant even when another owner holds it (esoco's forced request): an admin operation.</param>
public sealed record AcquireLock(
    string Owner,
    string NewHandle,
    TimeSpan? Ttl,
    string? Data = null,
    string? ClientAddress = null,
    bool TakeOver = false) : LockCommand;

/// <summary>Restart the holder's TTL from now, proving holdership with the handle.</summary>
public sealed record ExtendLock(string Handle, TimeSpan Ttl) : LockCommand;

/// <summary>Free the lock if the caller holds it, proven by the handle or, for esoco clients, by the owner id.</summary>
public sealed record ReleaseLock(string? Handle, string? Owner) : LockCommand
{
    public static ReleaseLock ByHandle(string handle) => new(handle, null);
    public static ReleaseLock ByOwner(string owner) => new(null, owner);

    public bool IsProvenBy(LockHolder holder) =>
        Handle is not null ? SecretComparer.AreEqual(Handle, holder.Handle) : Owner == holder.Owner;
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
