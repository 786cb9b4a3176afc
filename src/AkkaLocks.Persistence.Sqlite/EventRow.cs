namespace AkkaLocks.Persistence.Sqlite;

/// <summary>One row of the <c>events</c> table.</summary>
internal sealed record EventRow(string PersistenceId, long SequenceNr, long WrittenAt, string WriterUuid, StoredPayload Payload);
