using Akka.Persistence;
using Microsoft.Data.Sqlite;

namespace AkkaLocks.Persistence.Sqlite;

/// <summary>The snapshot store's query.</summary>
internal static class SnapshotReads
{
    private const string LatestSql = """
        SELECT sequence_nr, created_at, serializer_id, manifest, payload FROM snapshots
        WHERE persistence_id = $pid AND sequence_nr BETWEEN $minSeq AND $maxSeq AND created_at BETWEEN $minAt AND $maxAt
        ORDER BY sequence_nr DESC
        LIMIT 1
        """;

    /// <summary>The newest snapshot within the criteria, or null.</summary>
    public static (SnapshotMetadata Metadata, StoredPayload Payload)? Latest(SqliteConnection connection, string persistenceId, SnapshotSelectionCriteria criteria)
    {
        using var command = connection.CreateCommand();
        command.CommandText = LatestSql;
        command.Parameters.AddWithValue("$pid", persistenceId);
        command.Parameters.AddWithValue("$minSeq", criteria.MinSequenceNr);
        command.Parameters.AddWithValue("$maxSeq", criteria.MaxSequenceNr);
        command.Parameters.AddWithValue("$minAt", criteria.MinTimestamp?.Ticks ?? 0L);
        command.Parameters.AddWithValue("$maxAt", criteria.MaxTimeStamp.Ticks);
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        var metadata = new SnapshotMetadata(persistenceId, reader.GetInt64(0), new DateTime(reader.GetInt64(1), DateTimeKind.Utc));
        return (metadata, new StoredPayload(reader.GetInt32(2), reader.GetString(3), (byte[])reader.GetValue(4)));
    }
}
