using AkkaLocks.Core;

namespace AkkaLocks.Engine.Events;

/// <summary>
/// Asks for up to <paramref name="Max"/> events of one lock after <paramref name="From"/>; when there are none,
/// waits up to <paramref name="Wait"/> for the next one. Answered with <see cref="LockEventBatch"/> (empty on timeout).
/// </summary>
public sealed record ReadLockEvents(LockKey Key, LockEventCursor From, int Max, TimeSpan Wait);

/// <summary>Events of one lock, oldest first.</summary>
public sealed record LockEventBatch(IReadOnlyList<LockEventRecord> Events);

/// <summary>Asks how many events of one lock are kept; answered with <see cref="LockEventCount"/>.</summary>
public sealed record CountLockEvents(LockKey Key);

public sealed record LockEventCount(int Count);

/// <summary>Registry key of the event log actor.</summary>
public sealed class LockEventLog;
