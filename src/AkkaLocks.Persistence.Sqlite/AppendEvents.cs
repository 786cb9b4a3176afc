namespace AkkaLocks.Persistence.Sqlite;

/// <summary>The events of one journal write request (one persistent actor's batch): all stored, or none.</summary>
internal sealed class AppendEvents(IReadOnlyList<EventRow> rows) : WriteWork
{
    public IReadOnlyList<EventRow> Rows => rows;

    public override IEnumerable<string> PersistenceIds => rows.Select(row => row.PersistenceId);

    private const string Insert = """
        INSERT INTO events (persistence_id, sequence_nr, written_at, writer_uuid, serializer_id, manifest, payload)
        VALUES ($pid, $seq, $at, $writer, $serializer, $manifest, $payload)
        """;

    protected override void Write(WriterStatements statements)
    {
        foreach (var row in rows)
        {
            statements.Execute(Insert,
                ("$pid", row.PersistenceId), ("$seq", row.SequenceNr), ("$at", row.WrittenAt), ("$writer", row.WriterUuid),
                ("$serializer", row.Payload.SerializerId), ("$manifest", row.Payload.Manifest), ("$payload", row.Payload.Bytes));
        }
    }
}
