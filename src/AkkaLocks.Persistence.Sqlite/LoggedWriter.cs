using System.Collections.Concurrent;
using System.Diagnostics;

namespace AkkaLocks.Persistence.Sqlite;

/// <summary>
/// The journal's writer when the database is a file: a thread of its own takes every request queued since its last commit,
/// appends them to the write-ahead log in one write and fsyncs it (group commit), then acknowledges them all. The log is
/// cut into segments every apply interval (<see cref="DefaultApplyInterval"/>); each closed segment goes to the database
/// in one transaction (<see cref="GroupCommitWriter"/>), and is deleted once there. So the acknowledgement waits for an fsync of the requests'
/// bytes only, and the database's page writes happen later, once for many requests. A read of a persistence id with
/// writes still in the log waits for them to reach the database (<see cref="PendingPersistenceIds"/>).
/// </summary>
internal sealed class LoggedWriter : IStoreWriter
{
    private const int MaxBatch = 2048;
    private const long SegmentLimitBytes = 16 * 1024 * 1024;

    /// <summary>
    /// How long a segment collects writes, by default, before it goes to the database (sooner if a read waits for it, or
    /// at <see cref="SegmentLimitBytes"/>). The database's cost is a page per lock changed per transaction, written twice
    /// (into SQLite's WAL, then by its checkpoint), a system call each, so a longer interval costs less CPU per change:
    /// 1 s took the apply threads' CPU per acquire/release over 10,000 keys to about 0.6x. It is not the default: the gain
    /// is over many keys only, and one bigger transaction a second lengthened the tail under contention (docs/benchmarks.md).
    /// </summary>
    public static readonly TimeSpan DefaultApplyInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long compaction alone waits, by default, for a client's write to share its fsync. A lock compacts just after
    /// answering a release, so its holder's next request is usually a fraction of a millisecond away; without the wait,
    /// that request queued behind a commit of compaction only.
    /// </summary>
    public static readonly TimeSpan DefaultCompactionWait = TimeSpan.FromMilliseconds(5);

    /// <summary>Closed segments not yet in the database, at most: when the database falls behind, the log waits for it.</summary>
    private const int SegmentsInFlight = 2;

    private readonly BlockingCollection<WriteWork> _queue = new();
    private readonly WriteAheadLog _log;
    private readonly GroupCommitWriter _database;
    private readonly SequenceGuard _guard;
    private readonly PendingPersistenceIds _pending = new();
    private readonly SemaphoreSlim _applySlots = new(SegmentsInFlight);
    private readonly LogBatch _batch = new();
    private readonly Thread _thread;
    private readonly TimeSpan _compactionWait;
    private readonly TimeSpan _applyInterval;
    private long _commits;
    private List<WriteWork> _segmentWrites = [];
    private long _segmentStarted = Stopwatch.GetTimestamp();
    private long _currentSegment;
    private volatile Exception? _failure;
    private int _disposed;

    /// <summary>Reads back what the log holds from before (a crash), applies it to the database, and starts a new segment.</summary>
    public LoggedWriter(WriteAheadLog log, GroupCommitWriter database, Func<string, long> highestInDatabase,
        TimeSpan? compactionWait = null, TimeSpan? applyInterval = null)
    {
        _compactionWait = compactionWait ?? DefaultCompactionWait;
        _applyInterval = applyInterval ?? DefaultApplyInterval;
        _log = log;
        _database = database;
        _guard = new SequenceGuard(highestInDatabase);
        var next = ApplyLeftOvers() + 1;
        _log.StartSegment(next);
        _currentSegment = next;
        _thread = new Thread(Run) { IsBackground = true, Name = "akkalocks-journal-log-writer" };
        _thread.Start();
    }

    public Task Submit(WriteWork work) => work.QueueOn(_queue);

    /// <summary>Durable commits (fsyncs of the log) so far.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>
    /// Completes once the database has every acknowledged write of the id. After a failure of the log or the database it
    /// fails instead: the database may lack acknowledged writes until a restart applies the log, so a read could miss
    /// them (and the health check, which reads, reports the journal broken).
    /// </summary>
    public Task Settled(string persistenceId)
    {
        if (_failure is { } failure)
            return Task.FromException(new IOException("The journal stopped after a failure of its disk; restart the server to apply its log.", failure));
        var settled = _pending.Settled(persistenceId, Interlocked.Read(ref _currentSegment));
        if (!settled.IsCompleted) WakeWriter();
        return settled;
    }

    /// <summary>Logs what is queued, puts every segment into the database, then closes it.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _queue.CompleteAdding();
        _thread.Join();
        _database.Dispose();
        _log.Dispose();
    }

    private long ApplyLeftOvers()
    {
        var segments = _log.Segments();
        if (segments.Count == 0) return 0;
        var writes = segments.SelectMany(segment => _log.Read(segment).Select(Decode)).ToList();
        if (writes.Count > 0) _database.Submit(new ApplyLoggedWrites(writes)).GetAwaiter().GetResult();
        foreach (var segment in segments) _log.Delete(segment);
        return segments[^1];
    }

    private static WriteWork Decode(byte[] record)
    {
        using var reader = new BinaryReader(new MemoryStream(record));
        return LogRecordCodec.Decode(reader);
    }

    /// <summary>
    /// A waiting read's wake-up call: the writer may be idle for up to the apply interval, and only it closes segments.
    /// Never logged: the writer drops it wherever it takes it from the queue.
    /// </summary>
    private void WakeWriter()
    {
        try
        {
            _queue.Add(SegmentWanted.Instance);
        }
        catch (InvalidOperationException)
        {
            // Closing: Dispose applies every segment anyway.
        }
    }

    private void Run()
    {
        var batch = new List<WriteWork>(MaxBatch);
        while (!_queue.IsCompleted)
        {
            if (_queue.TryTake(out var first, _applyInterval) && first is not SegmentWanted)
            {
                batch.Add(first);
                TakeQueued(batch);
                if (batch.TrueForAll(work => work.IsCompaction)) WaitForClientWrite(batch);
                Commit(batch);
                batch.Clear();
            }
            if (IsSegmentDue()) CloseSegment();
        }
        if (_segmentWrites.Count > 0 && _failure is null) CloseSegment();   // after a failure, segments wait for a restart, in order
        for (var i = 0; i < SegmentsInFlight; i++) _applySlots.Wait();   // every closed segment is in the database
    }

    /// <summary>Adds the requests queued within the compaction wait, until one a client waits for has come.</summary>
    private void WaitForClientWrite(List<WriteWork> batch)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(_compactionWait.TotalSeconds * Stopwatch.Frequency);
        while (batch.Count < MaxBatch)
        {
            var remaining = deadline - Stopwatch.GetTimestamp();
            if (remaining <= 0 || !_queue.TryTake(out var next, TimeSpan.FromSeconds((double)remaining / Stopwatch.Frequency))) return;
            if (next is SegmentWanted) continue;
            batch.Add(next);
            if (!next.IsCompaction) break;
        }
        TakeQueued(batch);
    }

    private void TakeQueued(List<WriteWork> batch)
    {
        while (batch.Count < MaxBatch && _queue.TryTake(out var next))
            if (next is not SegmentWanted) batch.Add(next);
    }

    private void Commit(List<WriteWork> batch)
    {
        var started = Stopwatch.GetTimestamp();
        var logged = new List<WriteWork>(batch.Count);
        foreach (var work in batch)
        {
            if (Refusal(work) is { } refusal)
            {
                work.Complete(refusal);
                continue;
            }
            _batch.Add(work);
            logged.Add(work);
        }
        if (logged.Count == 0) return;
        try
        {
            _log.Append(_batch.Bytes);
            _log.Sync();
        }
        catch (Exception e)
        {
            // After a failed write or fsync the log's tail is unknown: stop writing, as etcd and PostgreSQL do. What was
            // acknowledged before is durable; a restart applies it.
            _failure = e;
            foreach (var work in logged) work.Complete(e);
            return;
        }
        finally
        {
            _batch.Clear();
        }
        foreach (var work in logged) _pending.Logged(work, _currentSegment);   // before the acknowledgement: a read after it waits
        Interlocked.Increment(ref _commits);
        foreach (var work in logged) work.Complete(null);
        _segmentWrites.AddRange(logged);
        JournalMetrics.Committed(batch.Count, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Why the request cannot be logged, or null (an admitted append's sequence numbers then count).</summary>
    private Exception? Refusal(WriteWork work) =>
        _failure is { } failure ? new IOException("The journal stopped writing after a failure of its disk; restart the server.", failure)
        : work is AppendEvents append ? _guard.Admit(append, _currentSegment)
        : null;

    private bool IsSegmentDue() =>
        _segmentWrites.Count > 0 && _failure is null &&
        (_pending.TakeReadWaitingOnCurrent() || Stopwatch.GetElapsedTime(_segmentStarted) >= _applyInterval || _log.SegmentBytes >= SegmentLimitBytes);

    private void CloseSegment()
    {
        _applySlots.Wait();
        var segment = _currentSegment;
        var writes = _segmentWrites;
        _segmentWrites = [];
        _log.StartSegment(segment + 1);
        Interlocked.Exchange(ref _currentSegment, segment + 1);
        _segmentStarted = Stopwatch.GetTimestamp();
        _guard.ForgetAppliedUpTo(_pending.AppliedSegment);
        var submitted = Stopwatch.GetTimestamp();
        // Told on the database writer's thread, not through the returned task's continuation: that would wait for the
        // thread pool, and while it waited this thread could block on the apply slot it releases.
        _database.Submit(new ApplyLoggedWrites(writes, failure => Applied(failure, segment, writes, Stopwatch.GetElapsedTime(submitted))));
    }

    private void Applied(Exception? failure, long segment, List<WriteWork> writes, TimeSpan took)
    {
        if (failure is not null)
        {
            // The writes are safe in the log, but later segments must not overtake this one: stop, and let a restart apply it.
            _failure = failure;
            _pending.FailWaiting(new IOException("The journal's database failed; restart the server to apply the log.", failure));
        }
        else
        {
            _log.Delete(segment);
            _pending.MarkApplied(segment, writes);
            JournalMetrics.Applied(writes.Count, took);
        }
        _applySlots.Release();
    }

    private sealed class SegmentWanted : WriteWork
    {
        public static readonly SegmentWanted Instance = new();

        public override IReadOnlyList<string> PersistenceIds => [];

        protected override void Write(WriterStatements statements) =>
            throw new InvalidOperationException("A wake-up call is never written.");
    }
}
