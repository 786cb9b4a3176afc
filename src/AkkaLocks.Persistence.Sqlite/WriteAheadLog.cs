using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;

namespace AkkaLocks.Persistence.Sqlite;

/// <summary>
/// The write-ahead log in front of the SQLite file: numbered segment files of framed records (length, CRC-32, payload),
/// only ever appended to and fsynced. A commit writes the bytes of its requests, not a database page per lock changed,
/// as etcd's WAL and Redis's AOF do. A segment is deleted once its records are in the database; one found at a start was
/// not, and is read back. A lock file keeps a second process off the folder: two writers would interleave the log.
/// Each segment's space is reserved ahead of its appends (<see cref="SegmentSpace"/>), so an fsync writes data, not the file's size.
/// </summary>
internal sealed class WriteAheadLog : IDisposable
{
    public const int HeaderBytes = 8;
    private const string SegmentExtension = ".wal";

    private readonly string _directory;
    private readonly FileStream _lock;
    private FileStream? _segment;
    private long _reservedBytes;
    private bool _canReserve = true;

    private WriteAheadLog(string directory, FileStream lockFile)
    {
        _directory = directory;
        _lock = lockFile;
    }

    /// <summary>The segment being appended to.</summary>
    public long Segment { get; private set; }

    /// <summary>Bytes appended to the current segment.</summary>
    public long SegmentBytes { get; private set; }

    /// <summary>Opens (creating) the log folder and takes its lock; fails if another process holds it.</summary>
    public static WriteAheadLog Open(string directory)
    {
        Directory.CreateDirectory(directory);
        try
        {
            var lockFile = new FileStream(Path.Combine(directory, "LOCK"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new WriteAheadLog(directory, lockFile);
        }
        catch (IOException e)
        {
            throw new IOException($"The journal's write-ahead log {directory} is in use by another process (an AkkaLocks server on the same data directory?).", e);
        }
    }

    /// <summary>The segments on disk, oldest first.</summary>
    public IReadOnlyList<long> Segments() =>
        Directory.EnumerateFiles(_directory, "*" + SegmentExtension)
            .Select(path => long.Parse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture))
            .Order()
            .ToList();

    /// <summary>
    /// A segment's record payloads in order, up to the first that is not whole: a crash while appending leaves a torn tail,
    /// and nothing past it was acknowledged (an append is acknowledged after its fsync, whole batches at a time). Reserved
    /// space past the last record reads as zeros, a length no record has.
    /// </summary>
    public IEnumerable<byte[]> Read(long segment)
    {
        var bytes = File.ReadAllBytes(PathOf(segment));
        for (var at = 0; at + HeaderBytes <= bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at));
            var checksum = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 4));
            if (length <= 0 || at + HeaderBytes + length > bytes.Length) yield break;
            var payload = bytes.AsSpan(at + HeaderBytes, length);
            if (Crc32.HashToUInt32(payload) != checksum) yield break;
            yield return payload.ToArray();
            at += HeaderBytes + length;
        }
    }

    /// <summary>Starts appending to a new segment, numbered after every one on disk; its folder entry is made durable first.</summary>
    public void StartSegment(long number)
    {
        _segment?.Dispose();
        _segment = new FileStream(PathOf(number), FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);
        DirectorySync.Sync(_directory);
        Segment = number;
        SegmentBytes = 0;
        _reservedBytes = 0;
        Reserve(SegmentSpace.Chunk);
    }

    /// <summary>Appends framed records (see <see cref="LogBatch"/>); durable only after <see cref="Sync"/>.</summary>
    public void Append(ReadOnlySpan<byte> records)
    {
        if (SegmentBytes + records.Length > _reservedBytes) Reserve(SegmentBytes + records.Length + SegmentSpace.Chunk);
        _segment!.Write(records);
        SegmentBytes += records.Length;
    }

    /// <summary>fsync: everything appended so far survives a crash or a power cut.</summary>
    public void Sync() => _segment!.Flush(flushToDisk: true);

    /// <summary>Reserves the current segment's space up to <paramref name="length"/>; once refused, the log stops asking.</summary>
    private void Reserve(long length)
    {
        if (!_canReserve) return;
        _canReserve = SegmentSpace.TryReserve(_segment!.SafeFileHandle, length);
        if (_canReserve) _reservedBytes = length;
    }

    /// <summary>Deletes a segment whose records are all in the database.</summary>
    public void Delete(long segment) => File.Delete(PathOf(segment));

    /// <summary>Closes the log; a current segment still empty is deleted, so a clean stop leaves no segment behind.</summary>
    public void Dispose()
    {
        _segment?.Dispose();
        if (_segment is not null && SegmentBytes == 0) Delete(Segment);
        _lock.Dispose();
    }

    private string PathOf(long segment) => Path.Combine(_directory, segment.ToString("D12", CultureInfo.InvariantCulture) + SegmentExtension);
}
