namespace AkkaLocks.Persistence.Sqlite;

/// <summary>Stores a snapshot; saving one at a sequence number already snapshotted replaces it, as Akka expects.</summary>
internal sealed class SaveSnapshot(string persistenceId, long sequenceNr, long createdAt, StoredPayload payload) : WriteWork
{
    public string PersistenceId => persistenceId;

    public long SequenceNr => sequenceNr;

    public long CreatedAt => createdAt;

    public StoredPayload Payload => payload;

    public override bool IsCompaction => true;

    public override IReadOnlyList<string> PersistenceIds { get; } = [persistenceId];

    private const string Upsert = """
        INSERT INTO snapshots (persistence_id, sequence_nr, created_at, serializer_id, manifest, payload)
        VALUES ($pid, $seq, $at, $serializer, $manifest, $payload)
        ON CONFLICT (persistence_id, sequence_nr) DO UPDATE SET
            created_at = excluded.created_at, serializer_id = excluded.serializer_id,
            manifest = excluded.manifest, payload = excluded.payload
        """;

    protected override void Write(WriterStatements statements) =>
        statements.Execute(Upsert,
            ("$pid", persistenceId), ("$seq", sequenceNr), ("$at", createdAt),
            ("$serializer", payload.SerializerId), ("$manifest", payload.Manifest), ("$payload", payload.Bytes));
}
