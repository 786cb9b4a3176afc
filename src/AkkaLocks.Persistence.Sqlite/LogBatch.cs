using System.Buffers.Binary;
using System.IO.Hashing;

namespace AkkaLocks.Persistence.Sqlite;

/// <summary>The framed records of one group commit, built in one buffer so the log gets them in a single write.</summary>
internal sealed class LogBatch
{
    private readonly MemoryStream _buffer = new();
    private readonly BinaryWriter _writer;

    public LogBatch() => _writer = new BinaryWriter(_buffer);

    public ReadOnlySpan<byte> Bytes => _buffer.GetBuffer().AsSpan(0, (int)_buffer.Length);

    /// <summary>Frames the request as one record: length and CRC-32 of the payload, then the payload.</summary>
    public void Add(WriteWork work)
    {
        var start = (int)_buffer.Length;
        _writer.Write(0L);   // the header, filled in below
        LogRecordCodec.Encode(work, _writer);
        _writer.Flush();
        var payload = _buffer.GetBuffer().AsSpan(start + WriteAheadLog.HeaderBytes, (int)_buffer.Length - start - WriteAheadLog.HeaderBytes);
        var header = _buffer.GetBuffer().AsSpan(start, WriteAheadLog.HeaderBytes);
        BinaryPrimitives.WriteInt32LittleEndian(header, payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], Crc32.HashToUInt32(payload));
    }

    public void Clear() => _buffer.SetLength(0);
}
