using AkkaLocks.Core;

namespace AkkaLocks.Engine.Events;

/// <summary>One transition of one lock (or of its wait queue), numbered in the order this node's feed saw it.</summary>
/// <param name="Id">Increases by one per entry, for resuming a watch (SSE <c>Last-Event-ID</c>).</param>
/// <param name="Transition">acquired, extended, released, expired, force-released, waiter-queued or waiter-left.</param>
/// <param name="Detail">Why, where the transition has a reason (force-release, waiter-left); else null.</param>
public sealed record LockFeedEvent(long Id, string Transition, LockKey Key, string Owner, long? FencingToken, DateTimeOffset At, string? Detail = null);
