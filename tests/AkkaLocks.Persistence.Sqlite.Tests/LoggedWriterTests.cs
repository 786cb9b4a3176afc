using Microsoft.Data.Sqlite;
using static AkkaLocks.Persistence.Sqlite.Tests.TestWrites;

namespace AkkaLocks.Persistence.Sqlite.Tests;

/// <summary>
/// The write-ahead log in front of the database: acknowledged once fsynced in the log, read back after a crash, never read
/// around. A crash is played by writing a segment with <see cref="WriteAheadLog"/> and leaving it unapplied, as a process
/// killed between its fsync and the database's transaction leaves it.
/// </summary>
public sealed class LoggedWriterTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly List<IDisposable> _opened = [];

    [Fact]
    public async Task An_acknowledged_write_is_in_the_database_once_its_id_is_settled_without_waiting_for_the_apply_interval()
    {
        var writer = StartWriter(applyInterval: TimeSpan.FromSeconds(60));
        await writer.Submit(Append("lock-a", 1, 2));
        await Task.Delay(200);   // the writer idles now, up to the interval, unless the read below wakes it

        await writer.Settled("lock-a").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, _database.Scalar("SELECT COUNT(*) FROM events WHERE persistence_id = 'lock-a'"));
    }

    [Fact]
    public async Task A_write_no_read_waits_for_reaches_the_database_at_the_apply_interval()
    {
        var writer = StartWriter(applyInterval: TimeSpan.FromMilliseconds(50));
        await writer.Submit(Append("lock-i", 1));

        // Nothing asks for it: only the interval can bring it into the database.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_database.Scalar("SELECT COUNT(*) FROM events WHERE persistence_id = 'lock-i'") == 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Equal(1, _database.Scalar("SELECT COUNT(*) FROM events WHERE persistence_id = 'lock-i'"));
    }

    [Fact]
    public async Task A_read_through_the_database_sees_a_write_acknowledged_just_before_it()
    {
        var database = SqliteDatabase.Use(_database.ConnectionString);
        try
        {
            for (var seq = 1; seq <= 20; seq++)
            {
                await database.Writer.Submit(Append("lock-r", seq));
                Assert.Equal(seq, await database.ReadAsync("lock-r", connection => EventReads.Highest(connection, "lock-r")));
            }
        }
        finally
        {
            database.Leave();
        }
    }

    [Fact]
    public void A_segment_left_by_a_crash_is_applied_at_the_next_start_and_deleted()
    {
        WriteSegmentAndCrash(1, Append("lock-c", 1, 2, 3), new DeleteEvents("lock-c", 2));

        StartWriter();

        Assert.Equal(1, _database.Scalar("SELECT COUNT(*) FROM events WHERE persistence_id = 'lock-c'"));
        Assert.Equal(2, _database.Scalar("SELECT deleted_to FROM event_deletions WHERE persistence_id = 'lock-c'"));
        Assert.DoesNotContain(Directory.EnumerateFiles(_database.LogFolder), path => path.EndsWith("000000000001.wal"));
    }

    [Fact]
    public void A_torn_record_at_the_tail_ends_the_segment_and_the_whole_records_before_it_are_applied()
    {
        var recordsEnd = WriteSegmentAndCrash(1, Append("lock-t", 1), Append("lock-t", 2));
        var segment = SegmentPath(_database.LogFolder, 1);
        var bytes = File.ReadAllBytes(segment);
        bytes.AsSpan((int)recordsEnd - 3, 3).Clear();   // the second record lost its last bytes mid-write: its reserved space still reads as zeros
        File.WriteAllBytes(segment, bytes);

        StartWriter();

        Assert.Equal(1, _database.Scalar("SELECT MAX(sequence_nr) FROM events WHERE persistence_id = 'lock-t'"));
    }

    [Fact]
    public void A_record_whose_checksum_does_not_match_is_not_applied()
    {
        var recordsEnd = WriteSegmentAndCrash(1, Append("lock-k", 1), Append("lock-k", 2));
        var segment = SegmentPath(_database.LogFolder, 1);
        var bytes = File.ReadAllBytes(segment);
        bytes[recordsEnd - 1] ^= 0xFF;   // a flipped bit in the second record's payload
        File.WriteAllBytes(segment, bytes);

        StartWriter();

        Assert.Equal(1, _database.Scalar("SELECT MAX(sequence_nr) FROM events WHERE persistence_id = 'lock-k'"));
    }

    [Fact]
    public void A_segment_applied_before_the_crash_deleted_it_is_applied_again_without_changing_anything()
    {
        WriteSegmentAndCrash(1, Append("lock-i", 1, 2), new DeleteEvents("lock-i", 1));
        CopySegment(1, asSegment: 7);   // the same records again, as if the deletion after the first apply was lost
        WriteSegmentAndCrash(8, Append("lock-i", 3));

        StartWriter();

        Assert.Equal(2, _database.Scalar("SELECT COUNT(*) FROM events WHERE persistence_id = 'lock-i'"));
        Assert.Equal(2, _database.Scalar("SELECT MIN(sequence_nr) FROM events WHERE persistence_id = 'lock-i'"));
    }

    [Fact]
    public async Task A_stale_sequence_number_is_refused_alone_even_after_a_restart()
    {
        var first = StartWriter();
        await first.Submit(Append("lock-s", 1));
        StopWriter(first);

        var writer = StartWriter();
        var stale = writer.Submit(Append("lock-s", 1, 2));
        var fresh = writer.Submit(Append("lock-f", 1));
        var next = writer.Submit(Append("lock-s", 2));

        await Assert.ThrowsAsync<InvalidOperationException>(() => stale);
        await Task.WhenAll(fresh, next);
        await writer.Settled("lock-s").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, _database.Scalar("SELECT COUNT(*) FROM events WHERE persistence_id = 'lock-s'"));
    }

    [Fact]
    public void A_second_writer_on_the_same_log_is_refused()
    {
        StartWriter();

        var refused = Assert.Throws<IOException>(() => WriteAheadLog.Open(_database.LogFolder));
        Assert.Contains("in use by another process", refused.Message);
    }

    [Fact]
    public void A_second_database_on_the_same_file_is_refused_until_the_first_closes()
    {
        var first = SqliteDatabase.Use(_database.ConnectionString);
        var sameFile = _database.ConnectionString + ";Cache=Private";   // another connection string, as another process has

        Assert.Throws<IOException>(() => SqliteDatabase.Use(sameFile));
        first.Leave();
        SqliteDatabase.Use(sameFile).Leave();
    }

    [Fact]
    public async Task After_the_log_fails_every_later_write_and_read_fails_instead_of_going_around_it()
    {
        var log = WriteAheadLog.Open(_database.LogFolder);
        var writer = StartWriter(log);
        await writer.Submit(Append("lock-f", 1));
        log.Dispose();   // the segment's file handle is gone: the next append fails, as on a disk error

        await Assert.ThrowsAnyAsync<Exception>(() => writer.Submit(Append("lock-f", 2)));
        var later = await Assert.ThrowsAsync<IOException>(() => writer.Submit(Append("lock-g", 1)));
        Assert.Contains("restart", later.Message);
        await Assert.ThrowsAsync<IOException>(() => writer.Settled("lock-f").WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Compaction_queued_alone_waits_for_the_next_client_write_and_shares_its_fsync()
    {
        var writer = StartWriter(compactionWait: TimeSpan.FromSeconds(30));
        var snapshot = writer.Submit(new SaveSnapshot("lock-c", 10, 0, new StoredPayload(0, "", [1])));
        await Task.Delay(100);   // an fsync of its own would be long done by now
        var append = writer.Submit(Append("lock-c", 11));

        await Task.WhenAll(snapshot, append).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, writer.Commits);
    }

    [Fact]
    public async Task Compaction_with_no_client_write_to_wait_for_still_commits()
    {
        var writer = StartWriter(compactionWait: TimeSpan.FromMilliseconds(20));

        await writer.Submit(new DeleteEvents("lock-d", 5)).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, writer.Commits);
    }

    [Fact]
    public async Task A_client_write_is_not_held_back_by_a_long_compaction_wait()
    {
        var writer = StartWriter(compactionWait: TimeSpan.FromSeconds(30));

        await writer.Submit(Append("lock-e", 1)).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Stopping_applies_every_logged_write_and_leaves_no_segment()
    {
        var writer = StartWriter();
        var writes = Enumerable.Range(1, 500).Select(i => writer.Submit(Append("lock-" + i, 1))).ToList();
        await Task.WhenAll(writes);

        StopWriter(writer);

        Assert.Equal(500, _database.Scalar("SELECT COUNT(*) FROM events"));
        Assert.Empty(Directory.EnumerateFiles(_database.LogFolder, "*.wal"));
    }

    public void Dispose()
    {
        foreach (var opened in Enumerable.Reverse(_opened)) opened.Dispose();
        _database.Dispose();
    }

    private LoggedWriter StartWriter(TimeSpan? compactionWait = null, TimeSpan? applyInterval = null) =>
        StartWriter(WriteAheadLog.Open(_database.LogFolder), compactionWait, applyInterval);

    private LoggedWriter StartWriter(WriteAheadLog log, TimeSpan? compactionWait = null, TimeSpan? applyInterval = null)
    {
        var connection = new SqliteConnection(_database.ConnectionString);
        connection.Open();
        StoreSchema.Ensure(connection);
        var reads = new SqliteConnection(_database.ConnectionString);
        reads.Open();
        var writer = new LoggedWriter(log, new GroupCommitWriter(connection), id => EventReads.Highest(reads, id), compactionWait, applyInterval);
        _opened.Add(reads);
        _opened.Add(writer);
        return writer;
    }

    private void StopWriter(LoggedWriter writer)
    {
        writer.Dispose();
        _opened.Remove(writer);
    }

    /// <summary>Logs the requests in a segment left unapplied; returns where its records end.</summary>
    private long WriteSegmentAndCrash(long number, params WriteWork[] works)
    {
        using var log = WriteAheadLog.Open(_database.LogFolder);
        log.StartSegment(number);
        var batch = new LogBatch();
        foreach (var work in works) batch.Add(work);
        log.Append(batch.Bytes);
        log.Sync();
        return log.SegmentBytes;
    }

    private void CopySegment(long number, long asSegment) =>
        File.Copy(SegmentPath(_database.LogFolder, number), SegmentPath(_database.LogFolder, asSegment));

}
