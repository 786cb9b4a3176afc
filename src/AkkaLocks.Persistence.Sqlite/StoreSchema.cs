using Microsoft.Data.Sqlite;

namespace AkkaLocks.Persistence.Sqlite;

/// <summary>
/// The tables of the journal and the snapshot store. Rows are keyed by (persistence id, sequence number) without a rowid, so
/// a lock's events sit together on disk and a stale second writer of the same sequence number is refused by the key.
/// </summary>
internal static class StoreSchema
{
    private const string CreateTables = """
        CREATE TABLE IF NOT EXISTS events (
            persistence_id TEXT    NOT NULL,
            sequence_nr    INTEGER NOT NULL,
            written_at     INTEGER NOT NULL,
            writer_uuid    TEXT    NOT NULL,
            serializer_id  INTEGER NOT NULL,
            manifest       TEXT    NOT NULL,
            payload        BLOB    NOT NULL,
            PRIMARY KEY (persistence_id, sequence_nr)
        ) WITHOUT ROWID;
        -- Deleting events must not lower a persistence id's highest sequence number, or a recovered actor would reuse them.
        CREATE TABLE IF NOT EXISTS event_deletions (
            persistence_id TEXT    NOT NULL PRIMARY KEY,
            deleted_to     INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS snapshots (
            persistence_id TEXT    NOT NULL,
            sequence_nr    INTEGER NOT NULL,
            created_at     INTEGER NOT NULL,
            serializer_id  INTEGER NOT NULL,
            manifest       TEXT    NOT NULL,
            payload        BLOB    NOT NULL,
            PRIMARY KEY (persistence_id, sequence_nr)
        ) WITHOUT ROWID;
        """;

    /// <summary>
    /// Creates the tables. A file written by the Akka.Persistence.Sql journal of earlier AkkaLocks builds (table
    /// <c>journal</c>) is refused rather than ignored: starting empty beside it would hand out fencing tokens again.
    /// </summary>
    public static void Ensure(SqliteConnection connection)
    {
        if (HasTable(connection, "journal") && !HasTable(connection, "events"))
            throw new InvalidOperationException(
                $"The database {connection.DataSource} was written by the Akka.Persistence.Sql journal of an earlier AkkaLocks build; " +
                "this build keeps its own tables. Release every lock and start on a new data directory (AkkaLocks:DataDirectory).");
        using var command = connection.CreateCommand();
        command.CommandText = CreateTables;
        command.ExecuteNonQuery();
    }

    private static bool HasTable(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", name);
        return command.ExecuteScalar() is not null;
    }
}
