using Microsoft.Data.Sqlite;

namespace AkkaLocks.Persistence.Sqlite;

/// <summary>
/// One SQLite file as the journal and the snapshot store of an actor system share it: its one writer (group commit, behind
/// the write-ahead log when the database is a file) and its readers. Both plugins of a system name the same connection
/// string and so get the same instance, whose writer threads close when the last of them stops.
/// </summary>
internal sealed class SqliteDatabase
{
    private static readonly Dictionary<string, SqliteDatabase> Open = new(StringComparer.Ordinal);

    private readonly string _connectionString;
    private readonly WalCheckpointer _checkpointer;
    private readonly SqliteConnection? _guardReads;
    private int _users;

    private SqliteDatabase(string connectionString, bool writeAheadLog, TimeSpan? applyInterval)
    {
        _connectionString = connectionString;
        var logFolder = writeAheadLog ? LogFolderOf(connectionString) : null;
        var connection = OpenWriterConnection(connectionString);
        var walGuard = new WalSizeGuard(connection.DataSource, WalSizeGuard.DefaultMaxBytes);
        var database = new GroupCommitWriter(connection, logFolder is null ? JournalMetrics.Committed : null, walGuard);
        try
        {
            Writer = logFolder is null ? database : StartLog(logFolder, database, connectionString, applyInterval, out _guardReads);
        }
        catch
        {
            database.Dispose();
            throw;
        }
        _checkpointer = new WalCheckpointer(connectionString);
    }

    public IStoreWriter Writer { get; }

    /// <summary>
    /// The database of this connection string, opened (and its tables created) by its first user.
    /// <paramref name="writeAheadLog"/>: acknowledge writes once in the log beside the file (ignored for an in-memory database);
    /// <paramref name="applyInterval"/>: how often the log's writes go into the database (<see cref="LoggedWriter.DefaultApplyInterval"/>).
    /// </summary>
    public static SqliteDatabase Use(string connectionString, bool writeAheadLog = true, TimeSpan? applyInterval = null)
    {
        lock (Open)
        {
            if (!Open.TryGetValue(connectionString, out var database))
                Open[connectionString] = database = new SqliteDatabase(connectionString, writeAheadLog, applyInterval);
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
        _guardReads?.Dispose();
        _checkpointer.Dispose();
    }

    /// <summary>
    /// Runs a read of one persistence id on a connection of its own (pooled), off the thread pool, once the database has
    /// every acknowledged write of the id. SQLite's WAL: it sees the last commit, never blocks the writer.
    /// </summary>
    public Task<T> ReadAsync<T>(string persistenceId, Func<SqliteConnection, T> read)
    {
        var settled = Writer.Settled(persistenceId);
        return settled.IsCompletedSuccessfully ? Read(read) : ReadOnceSettled(settled, read);
    }

    private async Task<T> ReadOnceSettled<T>(Task settled, Func<SqliteConnection, T> read)
    {
        await settled.ConfigureAwait(false);
        return await Read(read).ConfigureAwait(false);
    }

    private Task<T> Read<T>(Func<SqliteConnection, T> read) =>
        ReadThreads.Instance.Run(() =>
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            return read(connection);
        });

    /// <summary>
    /// The write-ahead log in front of the database, with a connection of its own for the sequence guard's questions. On a
    /// failure nothing stays open: the log's lock file is released, so a retry in this process does not find it taken.
    /// </summary>
    private static LoggedWriter StartLog(string folder, GroupCommitWriter database, string connectionString, TimeSpan? applyInterval, out SqliteConnection guardReads)
    {
        var reads = new SqliteConnection(connectionString);
        WriteAheadLog? log = null;
        try
        {
            reads.Open();
            log = WriteAheadLog.Open(folder);
            var writer = new LoggedWriter(log, database, persistenceId => EventReads.Highest(reads, persistenceId), applyInterval: applyInterval);
            guardReads = reads;
            return writer;
        }
        catch
        {
            log?.Dispose();
            reads.Dispose();
            throw;
        }
    }

    /// <summary>The write-ahead log's folder, beside the database file ("akkalocks.db" has "akkalocks.db.log"); none in memory.</summary>
    private static string? LogFolderOf(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var inMemory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:";
        return inMemory ? null : Path.GetFullPath(builder.DataSource) + ".log";
    }

    /// <summary>The size SQLite cuts its WAL file back to when it starts the file over.</summary>
    public const long JournalSizeLimitBytes = 64 * 1024 * 1024;

    /// <summary>
    /// Write-ahead logging lets readers work beside the writer (SQLite keeps the mode in the file); synchronous=FULL makes
    /// every commit durable before it returns, so nothing is acknowledged that a crash could lose. Checkpoints are
    /// <see cref="WalCheckpointer"/>'s (and <see cref="WalSizeGuard"/>'s), and the WAL file is cut back to
    /// <see cref="JournalSizeLimitBytes"/> when it starts over.
    /// </summary>
    internal static SqliteConnection OpenWriterConnection(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using (var pragmas = connection.CreateCommand())
            {
                pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; " +
                                      $"PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = {JournalSizeLimitBytes};";
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
