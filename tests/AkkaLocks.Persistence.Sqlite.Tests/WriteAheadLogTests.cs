using static AkkaLocks.Persistence.Sqlite.Tests.TestWrites;

namespace AkkaLocks.Persistence.Sqlite.Tests;

/// <summary>
/// The log's segment files: space reserved ahead of the appends (so an fsync need not write the file's new size), and
/// read back up to the last whole record whatever the reserved tail holds.
/// </summary>
public sealed class WriteAheadLogTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "akkalocks-log-tests-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void Appends_fill_space_reserved_ahead_so_the_segment_file_does_not_grow_with_each_of_them()
    {
        using var log = WriteAheadLog.Open(_folder);
        log.StartSegment(1);
        var sizeBefore = SegmentFileSize(1);

        for (var seq = 1; seq <= 3; seq++) AppendAndSync(log, Append("lock-a", seq));

        Assert.Equal(sizeBefore, SegmentFileSize(1));
        Assert.Equal(OperatingSystem.IsLinux() ? SegmentSpace.Chunk : log.SegmentBytes, SegmentFileSize(1));
    }

    [Fact]
    public void The_reserved_tail_after_the_last_record_ends_the_segment_when_it_is_read_back()
    {
        using var log = WriteAheadLog.Open(_folder);
        log.StartSegment(1);
        AppendAndSync(log, Append("lock-a", 1), Append("lock-a", 2));

        Assert.Equal(2, log.Read(1).Count());
    }

    [Fact]
    public void A_segment_cut_short_mid_record_reads_back_the_whole_records_before_the_cut()
    {
        // Where no space could be reserved, a crash mid-append leaves the file short rather than zero-filled.
        long recordsEnd;
        using (var log = WriteAheadLog.Open(_folder))
        {
            log.StartSegment(1);
            AppendAndSync(log, Append("lock-a", 1), Append("lock-a", 2));
            recordsEnd = log.SegmentBytes;
        }
        using (var file = new FileStream(SegmentPath(_folder, 1), FileMode.Open)) file.SetLength(recordsEnd - 3);

        using var reopened = WriteAheadLog.Open(_folder);
        Assert.Single(reopened.Read(1));
    }

    [Fact]
    public void An_append_larger_than_the_reserved_space_reserves_more_and_reads_back_whole()
    {
        using var log = WriteAheadLog.Open(_folder);
        log.StartSegment(1);
        var large = new AppendEvents([new EventRow("lock-l", 1, 0, "writer", new StoredPayload(0, "", new byte[(int)(SegmentSpace.Chunk * 3 / 2)]))]);

        AppendAndSync(log, Append("lock-a", 1));
        AppendAndSync(log, large);
        AppendAndSync(log, Append("lock-a", 2));

        var records = log.Read(1).ToList();
        Assert.Equal(3, records.Count);
        Assert.True(records[1].Length > SegmentSpace.Chunk);
        Assert.True(SegmentFileSize(1) >= log.SegmentBytes);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private long SegmentFileSize(long segment) => new FileInfo(SegmentPath(_folder, segment)).Length;

    private static void AppendAndSync(WriteAheadLog log, params WriteWork[] works)
    {
        var batch = new LogBatch();
        foreach (var work in works) batch.Add(work);
        log.Append(batch.Bytes);
        log.Sync();
    }
}
