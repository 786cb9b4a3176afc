namespace AkkaLocks.Persistence.Sqlite;

/// <summary>
/// Which persistence ids have writes in the log that the database does not have yet, by the log segment holding their
/// latest write. A read of such an id (a lock's recovery, a snapshot load) waits until that segment is applied, so it
/// never misses an acknowledged write; a read of any other id goes to the database at once.
/// </summary>
internal sealed class PendingPersistenceIds
{
    private readonly Dictionary<string, long> _latestSegment = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, TaskCompletionSource> _waiting = new();
    private long _applied = -1;

    private bool _readWaitsOnCurrent;

    /// <summary>The newest segment the database has applied (with all before it).</summary>
    public long AppliedSegment
    {
        get { lock (_latestSegment) return _applied; }
    }

    public void Logged(WriteWork work, long segment)
    {
        var persistenceIds = work.PersistenceIds;
        lock (_latestSegment)
            for (var i = 0; i < persistenceIds.Count; i++) _latestSegment[persistenceIds[i]] = segment;
    }

    /// <summary>Completes once the database has every acknowledged write of the id.</summary>
    public Task Settled(string persistenceId, long currentSegment)
    {
        lock (_latestSegment)
        {
            if (!_latestSegment.TryGetValue(persistenceId, out var segment) || segment <= _applied) return Task.CompletedTask;
            if (segment >= currentSegment) _readWaitsOnCurrent = true;
            if (!_waiting.TryGetValue(segment, out var applied))
                _waiting[segment] = applied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return applied.Task;
        }
    }

    /// <summary>Whether a read waits on the segment still being appended to (so the writer should close it now); asks once.</summary>
    public bool TakeReadWaitingOnCurrent()
    {
        lock (_latestSegment)
        {
            var waiting = _readWaitsOnCurrent;
            _readWaitsOnCurrent = false;
            return waiting;
        }
    }

    /// <summary>The database has every write of this segment and the ones before it.</summary>
    public void MarkApplied(long segment, IEnumerable<WriteWork> works)
    {
        var released = new List<TaskCompletionSource>();
        lock (_latestSegment)
        {
            _applied = segment;
            foreach (var work in works)
                ForgetApplied(work.PersistenceIds, segment);
            while (_waiting.Count > 0 && _waiting.First() is { Key: var waitedFor, Value: var waiter } && waitedFor <= segment)
            {
                _waiting.Remove(waitedFor);
                released.Add(waiter);
            }
        }
        foreach (var waiter in released) waiter.TrySetResult();
    }

    private void ForgetApplied(IReadOnlyList<string> persistenceIds, long segment)
    {
        for (var i = 0; i < persistenceIds.Count; i++)
            if (_latestSegment.TryGetValue(persistenceIds[i], out var latest) && latest <= segment) _latestSegment.Remove(persistenceIds[i]);
    }

    /// <summary>The database will not get the log's writes (it failed): reads waiting for them fail rather than miss them.</summary>
    public void FailWaiting(Exception failure)
    {
        List<TaskCompletionSource> failed;
        lock (_latestSegment)
        {
            failed = [.. _waiting.Values];
            _waiting.Clear();
        }
        foreach (var waiter in failed) waiter.TrySetException(failure);
    }
}
