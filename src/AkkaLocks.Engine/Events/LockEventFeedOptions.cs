namespace AkkaLocks.Engine.Events;

/// <summary>Bounds of the lock event feed.</summary>
public sealed record LockEventFeedOptions
{
    /// <summary>How many recent entries are kept for watchers that resume with <c>Last-Event-ID</c>.</summary>
    public int WindowSize { get; init; } = 10_000;

    /// <summary>How many entries one watcher may fall behind before its stream is ended (it may resume).</summary>
    public int SubscriberBuffer { get; init; } = 1_000;
}
