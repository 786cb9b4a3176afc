using Microsoft.Data.Sqlite;

namespace AkkaLocks.Persistence.Sqlite;

/// <summary>
/// One SQLite file as the journal and the snapshot store of an actor system share it: its one writer (group commit) and
/// its readers. Both plugins of a system name the same connection string and so get the same instance, whose writer
/// thread closes when the last of them stops.
/// </summary>
internal sealed class SqliteDatabase
{
    private static readonly Dictionary<string, SqliteDatabase> Open = new(StringComparer.Ordinal);

    private readonly string _connectionString;
    private readonly WalCheckpointer _checkpointer;
    private int _users;

    private SqliteDatabase(string connectionString)
    {
        _connectionString = connectionString;
        Writer = new GroupCommitWriter(OpenWriterConnection(connectionString));
        _checkpointer = new WalCheckpointer(connectionString);
    }

    public GroupCommitWriter Writer { get; }

    /// <summary>The database of this connection string, opened (and its tables created) by its first user.</summary>
    public static SqliteDatabase Use(string connectionString)
    {
        lock (Open)
        {
            if (!Open.TryGetValue(connectionString, out var database))
                Open[connectionString] = database = new SqliteDatabase(connectionString);
            database._users++;
            return database;
        }
    }

    /// <summary>The user is done with the database; the last one's leaving writes what is queued and closes the writer.</summary>
    public void Leave()
    {
        lock (Open)
        {
            if (--_users > 0) return;
            Open.Remove(_connectionString);
        }
        Writer.Dispose();
        _checkpointer.Dispose();
    }

    /// <summary>Runs a read on a connection of its own (pooled), off the thread pool. WAL: it sees the last commit, never blocks the writer.</summary>
    public Task<T> ReadAsync<T>(Func<SqliteConnection, T> read) =>
        ReadThreads.Instance.Run(() =>
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            return read(connection);
        });

    /// <summary>
    /// Write-ahead logging lets readers work beside the writer (SQLite keeps the mode in the file); synchronous=FULL makes
    /// every commit durable before it returns, so nothing is acknowledged that a crash could lose. Checkpoints are
    /// <see cref="WalCheckpointer"/>'s, and the log file is cut back to 64 MiB after one.
    /// </summary>
    private static SqliteConnection OpenWriterConnection(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using (var pragmas = connection.CreateCommand())
            {
                pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; " +
                                      "PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = 67108864;";
                pragmas.ExecuteNonQuery();
            }
            StoreSchema.Ensure(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
