using Microsoft.Data.Sqlite;

namespace AkkaLocks.Persistence.Sqlite;

/// <summary>The journal's queries.</summary>
internal static class EventReads
{
    // Deleted events still count: event_deletions keeps the highest sequence number they reached.
    private const string HighestSql = """
        SELECT MAX(highest) FROM (
            SELECT MAX(sequence_nr) AS highest FROM events WHERE persistence_id = $pid
            UNION ALL
            SELECT deleted_to FROM event_deletions WHERE persistence_id = $pid)
        """;

    private const string ReplaySql = """
        SELECT sequence_nr, written_at, writer_uuid, serializer_id, manifest, payload FROM events
        WHERE persistence_id = $pid AND sequence_nr BETWEEN $from AND $to
        ORDER BY sequence_nr
        LIMIT $max
        """;

    public static long Highest(SqliteConnection connection, string persistenceId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = HighestSql;
        command.Parameters.AddWithValue("$pid", persistenceId);
        return command.ExecuteScalar() is long highest ? highest : 0L;
    }

    /// <summary>Hands each row to <paramref name="replayed"/> in sequence order, as it is read.</summary>
    public static void Replay(SqliteConnection connection, string persistenceId, long from, long to, long max, Action<EventRow> replayed)
    {
        using var command = connection.CreateCommand();
        command.CommandText = ReplaySql;
        command.Parameters.AddWithValue("$pid", persistenceId);
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$to", to);
        command.Parameters.AddWithValue("$max", max);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var payload = new StoredPayload(reader.GetInt32(3), reader.GetString(4), (byte[])reader.GetValue(5));
            replayed(new EventRow(persistenceId, reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), payload));
        }
    }
}
