namespace AkkaLocks.Persistence.Sqlite.Tests;

/// <summary>Write requests and log segment names as the writer tests build them.</summary>
internal static class TestWrites
{
    /// <summary>Events of one persistence id, a small fixed payload each.</summary>
    public static AppendEvents Append(string persistenceId, params long[] sequenceNrs) =>
        new(sequenceNrs.Select(n => new EventRow(persistenceId, n, 0, "writer", new StoredPayload(0, "", [1, 2, 3]))).ToList());

    /// <summary>Where a log segment's file is in a log folder.</summary>
    public static string SegmentPath(string logFolder, long segment) => Path.Combine(logFolder, $"{segment:D12}.wal");
}
