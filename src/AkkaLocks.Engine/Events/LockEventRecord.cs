using AkkaLocks.Core;

namespace AkkaLocks.Engine.Events;

/// <summary>
/// One lock transition as kept in the lock's event log. <paramref name="Id"/> grows with every event the
/// log receives (across all locks), so "everything after id N" is a well-defined question for any reader.
/// </summary>
public sealed record LockEventRecord(long Id, LockEvent Event);
