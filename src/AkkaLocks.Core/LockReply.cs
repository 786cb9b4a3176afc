namespace AkkaLocks.Core;

/// <summary>The answer to a <see cref="LockCommand"/>; each surface translates it into its own wire format.</summary>
public abstract record LockReply;

/// <summary>The caller holds the lock. <paramref name="AlreadyHeld"/>: it held it before this request, unchanged.</summary>
public sealed record Granted(LockHolder Holder, bool AlreadyHeld) : LockReply;

/// <summary>Another owner holds the lock. <paramref name="QueueFull"/>: the caller would have waited, but the queue is at its bound.</summary>
public sealed record Busy(LockHolder Holder, bool QueueFull = false) : LockReply;

/// <summary>
/// A retry of the request <paramref name="RequestId"/>, whose grant (<paramref name="FencingToken"/>) has ended since:
/// the original outcome was a grant, and a retry never gets a second one.
/// </summary>
public sealed record GrantEnded(string RequestId, long FencingToken) : LockReply;

/// <summary>The holder's TTL restarted.</summary>
public sealed record Extended(LockHolder Holder) : LockReply;

/// <summary>The lock is free now; it was held by <paramref name="FormerHolder"/>.</summary>
public sealed record Released(LockHolder FormerHolder) : LockReply;

/// <summary>The caller does not hold the lock, so nothing changed. <paramref name="CurrentHolder"/> is null when free.</summary>
public sealed record NotHeld(LockHolder? CurrentHolder) : LockReply;

/// <summary>The lock's state as of the request.</summary>
/// <param name="Waiters">The requests queued for the lock, first in line first (never their handles).</param>
public sealed record LockStatus(LockKey Key, LockHolder? Holder, long LastFencingToken, IReadOnlyList<WaiterView>? Waiters = null) : LockReply;

/// <summary>The command broke a rule of <see cref="LockCommandRules"/>; nothing changed.</summary>
public sealed record Rejected(string Reason) : LockReply;

/// <summary>
/// Refused before reaching the lock: <paramref name="Owner"/> already holds <paramref name="Limit"/> locks, the most
/// one owner may hold (a guard against a runaway client filling the service). Nothing changed.
/// </summary>
public sealed record OwnerLimitReached(string Owner, int Limit) : LockReply;
