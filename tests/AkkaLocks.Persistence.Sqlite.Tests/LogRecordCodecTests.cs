using Akka.Persistence;

namespace AkkaLocks.Persistence.Sqlite.Tests;

/// <summary>Every kind of write request reads back from its log record with every field it had.</summary>
public sealed class LogRecordCodecTests
{
    [Fact]
    public void Appended_events_read_back_field_for_field()
    {
        var rows = new[]
        {
            new EventRow("lock-ä", 41, 638_000_000_000_000_000, "writer-1", new StoredPayload(7, "M", [1, 2])),
            new EventRow("lock-b", 42, 1, "", new StoredPayload(-3, "", [])),
        };

        var read = Assert.IsType<AppendEvents>(RoundTrip(new AppendEvents(rows)));

        Assert.Equal(rows.Select(Flatten), read.Rows.Select(Flatten));
    }

    [Fact]
    public void An_event_deletion_reads_back()
    {
        var read = Assert.IsType<DeleteEvents>(RoundTrip(new DeleteEvents("lock-d", 99)));

        Assert.Equal(("lock-d", 99L), (read.PersistenceId, read.ToSequenceNr));
    }

    [Fact]
    public void A_snapshot_reads_back()
    {
        var read = Assert.IsType<SaveSnapshot>(RoundTrip(new SaveSnapshot("lock-s", 100, 12345, new StoredPayload(9, "State", [5, 6, 7]))));

        Assert.Equal(("lock-s", 100L, 12345L, 9, "State"), (read.PersistenceId, read.SequenceNr, read.CreatedAt, read.Payload.SerializerId, read.Payload.Manifest));
        Assert.Equal([5, 6, 7], read.Payload.Bytes);
    }

    [Fact]
    public void A_snapshot_deletion_keeps_its_whole_window()
    {
        var criteria = new SnapshotSelectionCriteria(50, new DateTime(2026, 12, 5, 0, 0, 0, DateTimeKind.Utc), 10, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var read = Assert.IsType<DeleteSnapshots>(RoundTrip(new DeleteSnapshots("lock-x", criteria)));

        Assert.Equal("lock-x", read.PersistenceId);
        Assert.Equal((50L, criteria.MaxTimeStamp.Ticks, 10L, criteria.MinTimestamp!.Value.Ticks),
            (read.Criteria.MaxSequenceNr, read.Criteria.MaxTimeStamp.Ticks, read.Criteria.MinSequenceNr, read.Criteria.MinTimestamp!.Value.Ticks));
    }

    private static WriteWork RoundTrip(WriteWork work)
    {
        var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) LogRecordCodec.Encode(work, writer);
        buffer.Position = 0;
        using var reader = new BinaryReader(buffer);
        var read = LogRecordCodec.Decode(reader);
        Assert.Equal(buffer.Length, buffer.Position);   // nothing left over: the next record starts right after
        return read;
    }

    private static string Flatten(EventRow row) =>
        $"{row.PersistenceId}|{row.SequenceNr}|{row.WrittenAt}|{row.WriterUuid}|{row.Payload.SerializerId}|{row.Payload.Manifest}|{Convert.ToHexString(row.Payload.Bytes)}";
}
