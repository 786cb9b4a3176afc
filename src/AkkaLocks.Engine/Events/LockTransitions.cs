using AkkaLocks.Core;

namespace AkkaLocks.Engine.Events;

/// <summary>The names watchers see for lock events and waiter notices (SSE <c>event:</c> values).</summary>
public static class LockTransitions
{
    public const string Acquired = "acquired";
    public const string Extended = "extended";
    public const string Released = "released";
    public const string Expired = "expired";
    public const string ForceReleased = "force-released";
    public const string WaiterQueued = "waiter-queued";
    public const string WaiterLeft = "waiter-left";

    public static readonly IReadOnlyList<string> All = [Acquired, Extended, Released, Expired, ForceReleased, WaiterQueued, WaiterLeft];

    /// <summary>The feed entry for a lock event or waiter notice; null for anything else.</summary>
    public static LockFeedEvent? Describe(object message, long id) => message switch
    {
        LockAcquired e => new(id, Acquired, e.Key, e.Owner, e.FencingToken, e.At),
        LockExtended e => new(id, Extended, e.Key, e.Owner, e.FencingToken, e.At),
        LockReleased e => new(id, Released, e.Key, e.Owner, e.FencingToken, e.At),
        LockExpired e => new(id, Expired, e.Key, e.Owner, e.FencingToken, e.At),
        LockForceReleased e => new(id, ForceReleased, e.Key, e.Owner, e.FencingToken, e.At, Name(e.Reason)),
        WaiterQueued n => new(id, WaiterQueued, n.Key, n.Owner, null, n.At, "position " + n.Position),
        WaiterLeft n => new(id, WaiterLeft, n.Key, n.Owner, null, n.At, Name(n.Reason)),
        _ => null,
    };

    private static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
