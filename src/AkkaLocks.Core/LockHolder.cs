namespace AkkaLocks.Core;

/// <summary>Who holds a lock, since when, until when, and with which handle and fencing token.</summary>
/// <param name="Owner">The client id that acquired the lock.</param>
/// <param name="Handle">The secret that proves holdership for extend and release.</param>
/// <param name="FencingToken">The grant's number; a later grant of the same lock always has a larger one.</param>
/// <param name="AcquiredAt">When the lock was granted.</param>
/// <param name="Ttl">How long each grant or extension lasts; null means held until released.</param>
/// <param name="ExpiresAt">When the lock lapses unless extended; null means never.</param>
/// <param name="Data">Optional JSON object the holder attached.</param>
/// <param name="ClientAddress">The address the grant was requested from, for operators.</param>
/// <param name="User">The authenticated user who acquired it; only that user may extend or release it. Null without authentication.</param>
public sealed record LockHolder(
    string Owner,
    string Handle,
    long FencingToken,
    DateTimeOffset AcquiredAt,
    TimeSpan? Ttl,
    DateTimeOffset? ExpiresAt,
    string? Data,
    string? ClientAddress,
    string? User = null)
{
    /// <summary>
    /// Whether a caller presenting <paramref name="handle"/> as <paramref name="user"/> is this holder.
    /// A lock taken by an authenticated user answers to that user only, even with the right handle.
    /// </summary>
    public bool IsProvenBy(string handle, string? user) => SecretComparer.AreEqual(handle, Handle) && user == User;

    /// <summary>A holder whose deadline has passed holds nothing, whether or not its expiry has been processed.</summary>
    public bool IsLiveAt(DateTimeOffset now) => ExpiresAt is not { } deadline || now < deadline;

    /// <summary>Time left before expiry at <paramref name="now"/>; null when the lock never expires.</summary>
    public TimeSpan? RemainingAt(DateTimeOffset now) =>
        ExpiresAt is { } deadline ? (deadline > now ? deadline - now : TimeSpan.Zero) : null;
}
