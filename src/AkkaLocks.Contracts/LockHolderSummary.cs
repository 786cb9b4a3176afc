namespace AkkaLocks.Contracts;

/// <summary>The current holder as named in a 423 problem (its <c>holder</c> member): never the handle.</summary>
public sealed record LockHolderSummary(string Owner, long FencingToken, DateTimeOffset AcquiredAt, DateTimeOffset? ExpiresAt);
