namespace AkkaLocks.Persistence.Sqlite;

/// <summary>
/// Refuses an event whose sequence number its persistence id already has: a stale incarnation of a lock (one that should
/// have stopped) must not write beside the live one. The database's key refused it when writes went straight to SQLite;
/// in front of it, the log checks here, knowing the highest number of every id written since its writes reached the
/// database, and asking the database for the others. Used by the log's writer thread only.
/// </summary>
internal sealed class SequenceGuard(Func<string, long> highestInDatabase)
{
    /// <summary>Ids kept beyond this are forgotten once the database has their writes.</summary>
    private const int Remembered = 65_536;

    private readonly Dictionary<string, (long Highest, long Segment)> _written = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _inRequest = new(StringComparer.Ordinal);

    /// <summary>Why the request is refused, or null; an admitted request's numbers count from now on.</summary>
    public Exception? Admit(AppendEvents append, long segment)
    {
        var highest = _inRequest;
        highest.Clear();
        var rows = append.Rows;
        for (var i = 0; i < rows.Count; i++)   // by index: a request is checked on the writer's thread, and an enumerator is an allocation
        {
            var row = rows[i];
            var known = highest.TryGetValue(row.PersistenceId, out var seen) ? seen : Highest(row.PersistenceId);
            if (row.SequenceNr <= known)
                return new InvalidOperationException(
                    $"Refused event {row.SequenceNr} of {row.PersistenceId}: it already has events up to {known} (a second writer of the same id).");
            highest[row.PersistenceId] = row.SequenceNr;
        }
        foreach (var (persistenceId, sequenceNr) in highest) _written[persistenceId] = (sequenceNr, segment);
        return null;
    }

    /// <summary>Forgets ids whose writes are all in the database, when many are kept; the database answers for them again.</summary>
    public void ForgetAppliedUpTo(long appliedSegment)
    {
        if (_written.Count <= Remembered) return;
        foreach (var (persistenceId, entry) in _written)
            if (entry.Segment <= appliedSegment) _written.Remove(persistenceId);
    }

    private long Highest(string persistenceId) =>
        _written.TryGetValue(persistenceId, out var entry) ? entry.Highest : highestInDatabase(persistenceId);
}
