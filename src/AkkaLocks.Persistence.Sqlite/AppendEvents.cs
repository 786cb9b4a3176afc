namespace AkkaLocks.Persistence.Sqlite;

/// <summary>The events of one journal write request (one persistent actor's batch): all stored, or none.</summary>
internal sealed class AppendEvents(IReadOnlyList<EventRow> rows) : WriteWork
{
    public IReadOnlyList<EventRow> Rows => rows;

    public override IReadOnlyList<string> PersistenceIds { get; } = IdsOf(rows);

    private const string Insert = """
        INSERT INTO events (persistence_id, sequence_nr, written_at, writer_uuid, serializer_id, manifest, payload)
        VALUES ($pid, $seq, $at, $writer, $serializer, $manifest, $payload)
        """;

    protected override void Write(WriterStatements statements)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            statements.Execute(Insert,
                ("$pid", row.PersistenceId), ("$seq", row.SequenceNr), ("$at", row.WrittenAt), ("$writer", row.WriterUuid),
                ("$serializer", row.Payload.SerializerId), ("$manifest", row.Payload.Manifest), ("$payload", row.Payload.Bytes));
        }
    }

    private static string[] IdsOf(IReadOnlyList<EventRow> rows)
    {
        var ids = new string[rows.Count];
        for (var i = 0; i < ids.Length; i++) ids[i] = rows[i].PersistenceId;
        return ids;
    }
}
