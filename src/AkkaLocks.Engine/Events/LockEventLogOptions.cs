namespace AkkaLocks.Engine.Events;

/// <summary>How much of each lock's history the event log keeps: the window a late reader can still catch up on.</summary>
public sealed record LockEventLogOptions
{
    /// <summary>Events kept per lock; older ones are dropped first.</summary>
    public int EventsPerLock { get; init; } = 100;

    /// <summary>A lock whose newest event is older than this is forgotten, so idle locks cost no memory.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Locks whose events are kept at most; past it, the lock that changed least recently is forgotten first, so memory
    /// stays bounded however many distinct locks are used within <see cref="Retention"/>.
    /// </summary>
    public int MaxLocks { get; init; } = 10_000;
}
