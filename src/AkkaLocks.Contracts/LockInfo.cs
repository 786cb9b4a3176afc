using System.Text.Json;

namespace AkkaLocks.Contracts;

/// <summary>A held lock as anyone may read it: never its handle.</summary>
/// <param name="RemainingMs">Time left before expiry in ms; null = held until released.</param>
/// <param name="Waiters">The requests queued for it, next in line first (only on a read of one lock).</param>
public sealed record LockInfo(
    string Context,
    string Name,
    string Owner,
    long FencingToken,
    DateTimeOffset AcquiredAt,
    long? TtlMs,
    long? RemainingMs,
    DateTimeOffset? ExpiresAt,
    JsonElement? Data,
    IReadOnlyList<LockWaiter>? Waiters = null);

/// <summary>A request waiting for a lock.</summary>
/// <param name="RemainingWaitMs">How much longer it will wait, in ms.</param>
public sealed record LockWaiter(string Owner, DateTimeOffset QueuedAt, long RemainingWaitMs);
