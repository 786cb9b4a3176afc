namespace AkkaLocks.Contracts;

/// <summary>
/// The <c>data:</c> of one Server-Sent Event of <c>GET /v1/events</c>. The SSE <c>event:</c> is the transition
/// (<see cref="LockEventTypes"/>), the <c>id:</c> a number that increases by one per event on this server.
/// </summary>
/// <param name="FencingToken">The grant the transition concerns; null for waiter events.</param>
/// <param name="Detail">The reason, for force-released (admin, reset, takeover) and waiter-left (abandoned, timedout, superseded, stopped); position for waiter-queued.</param>
public sealed record LockEventData(string Context, string Name, string Owner, long? FencingToken, DateTimeOffset Time, string? Detail = null);
