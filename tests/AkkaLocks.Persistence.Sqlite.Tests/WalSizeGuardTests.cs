using Microsoft.Data.Sqlite;

namespace AkkaLocks.Persistence.Sqlite.Tests;

/// <summary>
/// The WAL file stays bounded by the writer alone, whatever the background checkpointer manages: under a load that never
/// pauses, its passive checkpoints are overtaken by commits and never let SQLite start the file over (the file grew to
/// 12.9 GB in 150 s of benchmark). Pinned with no background checkpointer at all, at small sizes.
/// </summary>
public sealed class WalSizeGuardTests : IDisposable
{
    private const long JournalSizeLimit = 128 * 1024;
    private const long GuardBytes = 2 * JournalSizeLimit;

    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Commits_that_never_pause_leave_the_wal_file_bounded()
    {
        var connection = SqliteDatabase.OpenWriterConnection(_database.ConnectionString);
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA journal_size_limit = {JournalSizeLimit};";
            pragma.ExecuteNonQuery();
        }
        var wal = new FileInfo(connection.DataSource + "-wal");
        long largest = 0, written = 0;
        using (var writer = new GroupCommitWriter(connection, walGuard: new WalSizeGuard(connection.DataSource, GuardBytes)))
        {
            for (var batch = 0; batch < 80; batch++)
            {
                var events = Enumerable.Range(0, 20).Select(i => Event($"lock-{batch}-{i}", 4096)).ToList();
                await writer.Submit(new AppendEvents(events));
                written += events.Sum(e => e.Payload.Bytes.Length);
                wal.Refresh();
                largest = Math.Max(largest, wal.Length);
            }
        }

        Assert.True(written > 10 * GuardBytes, "the writes must outgrow the bound many times over");
        // At most the bound plus one batch's frames: the file past the bound is checkpointed and started over.
        Assert.InRange(largest, 1, GuardBytes + 256 * 1024);
        Assert.Equal(80 * 20, _database.Scalar("SELECT COUNT(*) FROM events"));
    }

    public void Dispose() => _database.Dispose();

    private static EventRow Event(string persistenceId, int payloadBytes) =>
        new(persistenceId, 1, 0, "writer", new StoredPayload(0, "", new byte[payloadBytes]));
}
