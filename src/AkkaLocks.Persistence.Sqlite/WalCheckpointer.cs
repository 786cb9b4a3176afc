using Microsoft.Data.Sqlite;

namespace AkkaLocks.Persistence.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database file from a thread and connection of its own. Left to SQLite, the
/// commit that crosses 1,000 WAL pages runs the checkpoint itself (writing those pages and fsyncing the database file)
/// while every request of its batch, and of the next, waits; here the writer never checkpoints (wal_autocheckpoint=0)
/// and a passive checkpoint every few seconds copies what is committed without taking the write lock. Under writes that
/// never pause it is overtaken by commits and SQLite never starts the file over; <see cref="WalSizeGuard"/> bounds it then.
/// </summary>
internal sealed class WalCheckpointer : IDisposable
{
    /// <summary>
    /// A page changed many times between two checkpoints is written to the database file once: every 5 s instead of
    /// every second, the engine benchmark gained 1.08-1.13x at 64 callers (docs/benchmarks.md). The cost is a longer
    /// WAL (up to <see cref="WalSizeGuard"/>'s bound) for readers to search and for SQLite to read back after a crash.
    /// </summary>
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly string _connectionString;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    public WalCheckpointer(string connectionString)
    {
        _connectionString = connectionString;
        _thread = new Thread(Run) { IsBackground = true, Name = "akkalocks-sqlite-checkpoint" };
        _thread.Start();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
    }

    private void Run()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        while (!_stop.Token.WaitHandle.WaitOne(Interval))
        {
            try
            {
                checkpoint.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // Busy or interrupted: the log only grows until the next try, and the commits are already durable in it.
            }
        }
    }
}
