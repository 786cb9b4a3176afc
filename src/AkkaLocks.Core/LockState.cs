namespace AkkaLocks.Core;

/// <summary>
/// Everything one lock remembers: its key, the last fencing token it issued, and its holder (if any).
/// The token survives release so that the next grant can never reuse a number. Waiters are not part of it:
/// they are open requests, kept in memory by the lock's actor (<see cref="WaitQueue"/>), never persisted.
/// </summary>
/// <param name="LastRequest">The last grant made for a request with a request id, so that a retry is recognised.</param>
public sealed record LockState(LockKey Key, long LastFencingToken, LockHolder? Holder, GrantedRequest? LastRequest = null)
{
    public static LockState Free(LockKey key) => new(key, 0, null);

    public bool IsHeld => Holder is not null;

    /// <summary>The holder as of <paramref name="now"/>: a holder past its deadline is not reported.</summary>
    public LockHolder? HolderAt(DateTimeOffset now) => Holder is { } h && h.IsLiveAt(now) ? h : null;
}
