namespace AkkaLocks.Core;

/// <summary>The answer to a <see cref="LockCommand"/>; each surface translates it into its own wire format.</summary>
public abstract record LockReply;

/// <summary>The caller holds the lock. <paramref name="AlreadyHeld"/>: it held it before this request, unchanged.</summary>
public sealed record Granted(LockHolder Holder, bool AlreadyHeld) : LockReply;

/// <summary>Another owner holds the lock.</summary>
public sealed record Busy(LockHolder Holder) : LockReply;

/// <summary>The holder's TTL restarted.</summary>
public sealed record Extended(LockHolder Holder) : LockReply;

/// <summary>The lock is free now; it was held by <paramref name="FormerHolder"/>.</summary>
public sealed record Released(LockHolder FormerHolder) : LockReply;

/// <summary>The caller does not hold the lock, so nothing changed. <paramref name="CurrentHolder"/> is null when free.</summary>
public sealed record NotHeld(LockHolder? CurrentHolder) : LockReply;

/// <summary>The lock's state as of the request.</summary>
public sealed record LockStatus(LockKey Key, LockHolder? Holder, long LastFencingToken) : LockReply;

/// <summary>The command broke a rule of <see cref="LockCommandRules"/>; nothing changed.</summary>
public sealed record Rejected(string Reason) : LockReply;
