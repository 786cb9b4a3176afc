using Akka.Persistence;

namespace AkkaLocks.Persistence.Sqlite;

/// <summary>
/// The bytes of a write request in the write-ahead log, and back: a kind byte, then the request's fields. Reading a log
/// back yields the same requests, which the database then applies as it would have in the first place.
/// </summary>
internal static class LogRecordCodec
{
    private enum Kind : byte { AppendEvents = 1, DeleteEvents = 2, SaveSnapshot = 3, DeleteSnapshots = 4 }

    public static void Encode(WriteWork work, BinaryWriter writer)
    {
        switch (work)
        {
            case AppendEvents append:
                writer.Write((byte)Kind.AppendEvents);
                writer.Write(append.Rows.Count);
                for (var i = 0; i < append.Rows.Count; i++) WriteRow(writer, append.Rows[i]);
                break;
            case DeleteEvents delete:
                writer.Write((byte)Kind.DeleteEvents);
                writer.Write(delete.PersistenceId);
                writer.Write(delete.ToSequenceNr);
                break;
            case SaveSnapshot save:
                writer.Write((byte)Kind.SaveSnapshot);
                writer.Write(save.PersistenceId);
                writer.Write(save.SequenceNr);
                writer.Write(save.CreatedAt);
                WritePayload(writer, save.Payload);
                break;
            case DeleteSnapshots delete:
                writer.Write((byte)Kind.DeleteSnapshots);
                writer.Write(delete.PersistenceId);
                writer.Write(delete.Criteria.MaxSequenceNr);
                writer.Write(delete.Criteria.MaxTimeStamp.Ticks);
                writer.Write(delete.Criteria.MinSequenceNr);
                writer.Write(delete.Criteria.MinTimestamp?.Ticks ?? 0L);
                break;
            default:
                throw new NotSupportedException($"{work.GetType().Name} has no write-ahead log record.");
        }
    }

    public static WriteWork Decode(BinaryReader reader) =>
        (Kind)reader.ReadByte() switch
        {
            Kind.AppendEvents => new AppendEvents(ReadRows(reader)),
            Kind.DeleteEvents => new DeleteEvents(reader.ReadString(), reader.ReadInt64()),
            Kind.SaveSnapshot => new SaveSnapshot(reader.ReadString(), reader.ReadInt64(), reader.ReadInt64(), ReadPayload(reader)),
            Kind.DeleteSnapshots => new DeleteSnapshots(reader.ReadString(), ReadCriteria(reader)),
            var unknown => throw new InvalidDataException($"Unknown write-ahead log record kind {(byte)unknown}."),
        };

    private static void WriteRow(BinaryWriter writer, EventRow row)
    {
        writer.Write(row.PersistenceId);
        writer.Write(row.SequenceNr);
        writer.Write(row.WrittenAt);
        writer.Write(row.WriterUuid);
        WritePayload(writer, row.Payload);
    }

    private static List<EventRow> ReadRows(BinaryReader reader)
    {
        var rows = new List<EventRow>(reader.ReadInt32());
        for (var i = rows.Capacity; i > 0; i--)
            rows.Add(new EventRow(reader.ReadString(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadString(), ReadPayload(reader)));
        return rows;
    }

    private static void WritePayload(BinaryWriter writer, StoredPayload payload)
    {
        writer.Write(payload.SerializerId);
        writer.Write(payload.Manifest);
        writer.Write(payload.Bytes.Length);
        writer.Write(payload.Bytes);
    }

    private static StoredPayload ReadPayload(BinaryReader reader) =>
        new(reader.ReadInt32(), reader.ReadString(), reader.ReadBytes(reader.ReadInt32()));

    private static SnapshotSelectionCriteria ReadCriteria(BinaryReader reader)
    {
        var maxSequenceNr = reader.ReadInt64();
        var maxTimestamp = new DateTime(reader.ReadInt64(), DateTimeKind.Utc);
        var minSequenceNr = reader.ReadInt64();
        var minTimestamp = new DateTime(reader.ReadInt64(), DateTimeKind.Utc);
        return new SnapshotSelectionCriteria(maxSequenceNr, maxTimestamp, minSequenceNr, minTimestamp);
    }
}
