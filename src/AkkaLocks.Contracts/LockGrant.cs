using System.Text.Json;

namespace AkkaLocks.Contracts;

/// <summary>A granted lock: the secret <paramref name="Handle"/> proves holdership for extend and release.</summary>
/// <param name="FencingToken">Larger for every later grant of the same lock: pass it to the resources you protect.</param>
/// <param name="TtlMs">The grant's TTL in ms; null = held until released.</param>
/// <param name="ExpiresAt">When the grant lapses unless extended (for display; the server measures TTL on its monotonic clock).</param>
public sealed record LockGrant(
    string Context,
    string Name,
    string Owner,
    string Handle,
    long FencingToken,
    long? TtlMs,
    DateTimeOffset? ExpiresAt,
    JsonElement? Data);
