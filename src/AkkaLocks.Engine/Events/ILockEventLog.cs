using AkkaLocks.Core;

namespace AkkaLocks.Engine.Events;

/// <summary>
/// Reads the recent transitions of a lock (acquired, extended, released, expired, force-released), for any
/// surface that lets clients follow a lock instead of polling it. A reader that passes the last id it saw
/// misses nothing that is still inside the log's window (<see cref="LockEventLogOptions"/>).
/// </summary>
public interface ILockEventLog
{
    /// <summary>Up to <paramref name="max"/> events after <paramref name="from"/>, oldest first; when none, waits up to <paramref name="wait"/> for one (empty on timeout).</summary>
    Task<IReadOnlyList<LockEventRecord>> ReadAsync(LockKey key, LockEventCursor from, int max, TimeSpan wait, CancellationToken cancellationToken = default);

    /// <summary>How many events of the lock are kept now.</summary>
    Task<int> CountAsync(LockKey key, CancellationToken cancellationToken = default);
}
