using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace AkkaLocks.Persistence.Sqlite;

/// <summary>
/// The database's one writer: a thread of its own that takes every request queued since its last commit and writes them
/// all in one transaction, so one fsync acknowledges as many lock changes as arrived meanwhile (group commit). SQLite
/// admits one writer at a time anyway; queueing here instead of on its file lock costs no busy-waiting, and the commit
/// rate follows the disk's fsync rate times the number of concurrent writers rather than the fsync rate alone.
/// Behind the write-ahead log (<see cref="LoggedWriter"/>) it applies the log's closed segments, one transaction each.
/// </summary>
internal sealed class GroupCommitWriter : IStoreWriter
{
    /// <summary>An upper bound on one transaction, so a flood of writes still commits (and answers) in steady steps.</summary>
    private const int MaxBatch = 2048;

    private readonly BlockingCollection<WriteWork> _queue = new();
    private readonly SqliteConnection _connection;
    private readonly WriterStatements _statements;
    private readonly Thread _thread;
    private readonly Action<int, TimeSpan>? _committed;
    private readonly WalSizeGuard? _walGuard;
    private long _commits;
    private int _disposed;

    /// <param name="connection">The writer's own connection, open.</param>
    /// <param name="committed">Told each commit's request count and duration (for the journal's metrics).</param>
    /// <param name="walGuard">Keeps SQLite's WAL file bounded (nothing to do for a database in memory, which has no WAL file).</param>
    public GroupCommitWriter(SqliteConnection connection, Action<int, TimeSpan>? committed = null, WalSizeGuard? walGuard = null)
    {
        _connection = connection;
        _committed = committed;
        _walGuard = walGuard;
        _statements = new WriterStatements(connection);
        _thread = new Thread(Run) { IsBackground = true, Name = "akkalocks-sqlite-writer" };
        _thread.Start();
    }

    /// <summary>Transactions committed (or failed) so far.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Queues the work; the task completes once it is committed, or fails with why it was not.</summary>
    public Task Submit(WriteWork work) => work.QueueOn(_queue);

    /// <summary>Every acknowledged write is committed to the database already.</summary>
    public Task Settled(string persistenceId) => Task.CompletedTask;

    /// <summary>Writes what is already queued, then closes the connection.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _queue.CompleteAdding();
        _thread.Join();
        _statements.Dispose();
        _connection.Dispose();
    }

    private void Run()
    {
        var batch = new List<WriteWork>(MaxBatch);
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var next)) batch.Add(next);
            var started = Stopwatch.GetTimestamp();
            Commit(batch);
            _committed?.Invoke(batch.Count, Stopwatch.GetElapsedTime(started));
            Interlocked.Increment(ref _commits);
            batch.Clear();
            _walGuard?.AfterCommit(_connection);   // after the answers: a catch-up checkpoint delays no caller of this batch
        }
    }

    private void Commit(List<WriteWork> batch)
    {
        Exception? failure = null;
        try
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            foreach (var work in batch) work.WriteIn(_statements);
            transaction.Commit();
        }
        catch (Exception e)
        {
            failure = e;   // nothing of the batch is durable: every caller hears so
        }
        foreach (var work in batch) work.Complete(failure);
    }
}

