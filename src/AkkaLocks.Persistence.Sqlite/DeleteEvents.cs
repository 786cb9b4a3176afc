namespace AkkaLocks.Persistence.Sqlite;

/// <summary>Deletes a persistence id's events up to a sequence number, remembering the highest one deleted.</summary>
internal sealed class DeleteEvents(string persistenceId, long toSequenceNr) : WriteWork
{
    public string PersistenceId => persistenceId;

    public long ToSequenceNr => toSequenceNr;

    public override bool IsCompaction => true;

    public override IReadOnlyList<string> PersistenceIds { get; } = [persistenceId];

    // Recorded first, from the rows about to go: a later recovery must still see the highest sequence number ever written.
    private const string RecordDeletion = """
        INSERT INTO event_deletions (persistence_id, deleted_to)
        SELECT $pid, highest FROM (SELECT MAX(sequence_nr) AS highest FROM events WHERE persistence_id = $pid AND sequence_nr <= $to)
        WHERE highest IS NOT NULL
        ON CONFLICT (persistence_id) DO UPDATE SET deleted_to = MAX(deleted_to, excluded.deleted_to)
        """;

    private const string Delete = "DELETE FROM events WHERE persistence_id = $pid AND sequence_nr <= $to";

    protected override void Write(WriterStatements statements)
    {
        statements.Execute(RecordDeletion, ("$pid", persistenceId), ("$to", toSequenceNr));
        statements.Execute(Delete, ("$pid", persistenceId), ("$to", toSequenceNr));
    }
}
