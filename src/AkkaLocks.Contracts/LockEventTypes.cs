namespace AkkaLocks.Contracts;

/// <summary>The SSE <c>event:</c> names of <c>GET /v1/events</c>.</summary>
public static class LockEventTypes
{
    public const string Acquired = "acquired";
    public const string Extended = "extended";
    public const string Released = "released";
    public const string Expired = "expired";
    public const string ForceReleased = "force-released";
    public const string WaiterQueued = "waiter-queued";
    public const string WaiterLeft = "waiter-left";

    /// <summary>Sent when nothing else was for a while, so proxies keep the stream open; it has no id.</summary>
    public const string Heartbeat = "heartbeat";
}
