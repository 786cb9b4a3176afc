using AkkaLocks.Core;
using AkkaLocks.Engine.Serialization;

namespace AkkaLocks.Engine.Index;

/// <summary>
/// What the index knows of one lock: its holder, or that the grant with <see cref="Token"/> ended. Entries of
/// one lock can arrive out of order (from two nodes around a handoff, or by gossip), so each carries a version
/// that orders them the way the lock changed: by grant, then held before ended, then by time within a grant.
/// An ended entry is kept for a while as a tombstone, so a late copy of the grant it ended cannot revive it.
/// </summary>
/// <param name="Holder">The holder; null once the grant ended.</param>
/// <param name="Token">The fencing token of the grant the entry is about.</param>
/// <param name="ChangedAt">When the lock reached this state (for a recovered lock, when it was granted).</param>
public sealed record HeldLockEntry(LockHolder? Holder, long Token, DateTimeOffset ChangedAt) : IAkkaLocksMessage
{
    public bool HasEnded => Holder is null;

    public bool IsNewerThan(HeldLockEntry other) =>
        Token != other.Token ? Token > other.Token
        : HasEnded != other.HasEnded ? HasEnded
        : ChangedAt > other.ChangedAt;

    /// <summary>
    /// The entry a transition leaves behind. An extension of a grant the index never saw carries no holder
    /// details, so it yields nothing.
    /// </summary>
    public static HeldLockEntry? After(LockEvent transition, HeldLockEntry? known) => transition switch
    {
        LockAcquired acquired => new(acquired.ToHolder(), acquired.FencingToken, acquired.At),
        LockExtended extended when known?.Holder is { } holder && known.Token == extended.FencingToken =>
            new(holder with { Ttl = extended.Ttl, ExpiresAt = extended.ExpiresAt }, extended.FencingToken, extended.At),
        LockExtended => null,
        _ => new(null, transition.FencingToken, transition.At),
    };

    public static HeldLockEntry Observed(LockHolder holder) => new(holder, holder.FencingToken, holder.AcquiredAt);
}
