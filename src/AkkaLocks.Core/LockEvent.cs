namespace AkkaLocks.Core;

// Persisted events are the on-disk format: add fields with defaults, never rename or remove one.

/// <summary>A transition of one lock, as persisted and as published to watchers.</summary>
public abstract record LockEvent(LockKey Key, string Owner, long FencingToken, DateTimeOffset At);

/// <summary>The lock was granted to <see cref="LockEvent.Owner"/> with a new fencing token.</summary>
public sealed record LockAcquired(
    LockKey Key,
    string Owner,
    long FencingToken,
    DateTimeOffset At,
    string Handle,
    TimeSpan? Ttl,
    DateTimeOffset? ExpiresAt,
    string? Data,
    string? ClientAddress,
    string? User = null,
    string? RequestId = null) : LockEvent(Key, Owner, FencingToken, At)
{
    /// <summary>The holder this grant makes.</summary>
    public LockHolder ToHolder() => new(Owner, Handle, FencingToken, At, Ttl, ExpiresAt, Data, ClientAddress, User);
}

/// <summary>The holder's TTL was restarted at <see cref="LockEvent.At"/>.</summary>
public sealed record LockExtended(
    LockKey Key,
    string Owner,
    long FencingToken,
    DateTimeOffset At,
    TimeSpan Ttl,
    DateTimeOffset ExpiresAt) : LockEvent(Key, Owner, FencingToken, At);

/// <summary>The holder let the lock go.</summary>
public sealed record LockReleased(LockKey Key, string Owner, long FencingToken, DateTimeOffset At)
    : LockEvent(Key, Owner, FencingToken, At);

/// <summary>The holder's deadline passed without an extension.</summary>
public sealed record LockExpired(LockKey Key, string Owner, long FencingToken, DateTimeOffset At)
    : LockEvent(Key, Owner, FencingToken, At);

/// <summary>An operator (or a forced acquire) took the lock from its holder.</summary>
public sealed record LockForceReleased(
    LockKey Key,
    string Owner,
    long FencingToken,
    DateTimeOffset At,
    ForceReleaseReason Reason) : LockEvent(Key, Owner, FencingToken, At);
