using Akka.Persistence;

namespace AkkaLocks.Persistence.Sqlite;

/// <summary>Deletes a persistence id's snapshots within a sequence-number and time window (one snapshot: a window of one).</summary>
internal sealed class DeleteSnapshots(string persistenceId, SnapshotSelectionCriteria criteria) : WriteWork
{
    public string PersistenceId => persistenceId;

    public SnapshotSelectionCriteria Criteria => criteria;

    public override bool IsCompaction => true;

    public override IReadOnlyList<string> PersistenceIds { get; } = [persistenceId];

    private const string Delete = """
        DELETE FROM snapshots
        WHERE persistence_id = $pid AND sequence_nr BETWEEN $minSeq AND $maxSeq AND created_at BETWEEN $minAt AND $maxAt
        """;

    protected override void Write(WriterStatements statements) =>
        statements.Execute(Delete,
            ("$pid", persistenceId), ("$minSeq", criteria.MinSequenceNr), ("$maxSeq", criteria.MaxSequenceNr),
            ("$minAt", criteria.MinTimestamp?.Ticks ?? 0L), ("$maxAt", criteria.MaxTimeStamp.Ticks));
}
