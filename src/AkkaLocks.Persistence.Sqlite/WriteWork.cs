using System.Collections.Concurrent;

namespace AkkaLocks.Persistence.Sqlite;

/// <summary>
/// One caller's share of a group commit: the statements of one journal or snapshot-store request, all or nothing.
/// It completes only once it is durable: appended to the write-ahead log and fsynced (<see cref="LoggedWriter"/>), or, without
/// the log, once the transaction that carries it has committed (synchronous=FULL: the commit is on disk).
/// </summary>
internal abstract class WriteWork
{
    private const string Savepoint = "SAVEPOINT work";
    private const string ReleaseSavepoint = "RELEASE work";
    protected const string RollbackToSavepoint = "ROLLBACK TO work";

    // Continuations run off the writer's thread, which goes straight on to the next batch.
    private readonly TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _refused;

    public Task Committed => _committed.Task;

    /// <summary>
    /// Compaction (snapshots and deletions): no client's answer waits for it, so a writer may hold it back briefly for a
    /// request that does, and share one fsync with it instead of spending one of its own in that request's way.
    /// </summary>
    public virtual bool IsCompaction => false;

    /// <summary>Queues this request for a writer thread; once that writer has closed, it fails at once instead of waiting forever.</summary>
    public Task QueueOn(BlockingCollection<WriteWork> queue)
    {
        try
        {
            queue.Add(this);
        }
        catch (InvalidOperationException)
        {
            Complete(new ObjectDisposedException(GetType().Name, "The journal's database is closed."));
        }
        return Committed;
    }

    /// <summary>
    /// The persistence ids whose stored state this request changes: their reads wait until it is in the database. A list,
    /// read by index: it is read twice for every request (when logged, when applied), and an enumerator is an allocation.
    /// </summary>
    public abstract IReadOnlyList<string> PersistenceIds { get; }

    /// <summary>
    /// Runs the statements inside a savepoint, so a refused request (a stale writer's duplicate sequence number) is
    /// undone alone and fails alone, while the requests batched with it still commit.
    /// </summary>
    public void WriteIn(WriterStatements statements)
    {
        statements.Execute(Savepoint);
        try
        {
            Write(statements);
            statements.Execute(ReleaseSavepoint);
        }
        catch (Exception e)
        {
            statements.Execute(RollbackToSavepoint);
            statements.Execute(ReleaseSavepoint);
            _refused = e;
        }
    }

    /// <summary>Runs the statements with no savepoint of their own: for a caller that undoes a failure itself.</summary>
    public void WriteWithoutSavepoint(WriterStatements statements) => Write(statements);

    /// <summary>Tells the caller the outcome: the batch's failure (nothing was committed) or this request's own.</summary>
    public void Complete(Exception? batchFailure)
    {
        var failure = batchFailure ?? _refused;
        OnCompleted(failure);
        if (failure is not null) _committed.TrySetException(failure);
        else _committed.TrySetResult();
    }

    /// <summary>
    /// Runs on the thread that completes the request, before its caller hears. For a writer's own bookkeeping: a
    /// continuation of <see cref="Committed"/> runs on the .NET thread pool, which a writer must never wait for (the
    /// actor system's dispatchers share it, and a journal stopping in an actor's PostStop blocks one of its threads).
    /// </summary>
    protected virtual void OnCompleted(Exception? failure)
    {
    }

    protected abstract void Write(WriterStatements statements);
}
