using System.Data.Common;
using LinqToDB.Interceptors;

namespace AkkaLocks.Server.Hosting;

/// <summary>
/// Two fixes to how the SQL journal meets Microsoft.Data.Sqlite, whose "async" calls all complete synchronously:
/// <list type="bullet">
/// <item>Every asynchronous open moves to <see cref="SqliteWorkScheduler"/>'s threads first. Otherwise a journal write runs to its fsync on the thread of the journal's
/// write stream, which therefore never sees the writes queued meanwhile: each commit carried one lock's event, and the
/// batching across locks the plugin is built for (<c>batch-size</c>) never happened. Reads (recovery) likewise ran one at
/// a time on the journal actor's thread. After the switch the database work runs on threads of its own, the stream gathers
/// every write that arrives during a commit into the next one, and reads overlap.</item>
/// <item>Every connection waits inside SQLite (<c>busy_timeout</c>, short sleeps) when another connection holds the write
/// lock (the snapshot store, a compaction), instead of Microsoft.Data.Sqlite's own retry, which sleeps 150 ms per try.</item>
/// </list>
/// Durability is unchanged: a write is still acknowledged only after its transaction committed (synchronous=FULL).
/// </summary>
internal sealed class SqliteConnectionInterceptor : IConnectionInterceptor
{
    /// <summary>How long a statement waits for the write lock before SQLITE_BUSY; the command timeout still bounds the whole.</summary>
    private const int BusyTimeoutMs = 5000;

    public static readonly SqliteConnectionInterceptor Instance = new();

    public void ConnectionOpening(ConnectionEventData eventData, DbConnection connection) { }

    public async Task ConnectionOpeningAsync(ConnectionEventData eventData, DbConnection connection, CancellationToken cancellationToken) =>
        await SqliteWorkScheduler.SwitchTo();

    public void ConnectionOpened(ConnectionEventData eventData, DbConnection connection) => SetBusyTimeout(connection);

    public Task ConnectionOpenedAsync(ConnectionEventData eventData, DbConnection connection, CancellationToken cancellationToken)
    {
        SetBusyTimeout(connection);
        return Task.CompletedTask;
    }

    private static void SetBusyTimeout(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMs};";
        command.ExecuteNonQuery();
    }
}
