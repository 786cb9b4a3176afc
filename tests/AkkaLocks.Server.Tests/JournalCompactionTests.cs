using AkkaLocks.Core;
using AkkaLocks.Engine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AkkaLocks.Server.Tests;

/// <summary>The SQLite journal of the real server stays bounded under steady traffic on one lock, free between uses or held throughout.</summary>
public sealed class JournalCompactionTests(AkkaLocksServerFactory server) : IClassFixture<AkkaLocksServerFactory>
{
    private const int Cycles = 300;   // 600 events without compaction
    private const int SnapshotEvery = 10;   // hocon/akkalocks.conf: akkalocks.entity.snapshot-every

    [Fact]
    public async Task Acquire_release_cycles_leave_a_bounded_number_of_journal_rows_and_tokens_keep_counting()
    {
        var engine = server.Services.GetRequiredService<ILockEngine>();
        var key = new LockKey("compaction", "hot-key");

        for (var i = 0; i < Cycles; i++)
        {
            var granted = Assert.IsType<Granted>(await engine.AcquireAsync(key, new AcquireRequest("worker")));
            Assert.IsType<Released>(await engine.ReleaseAsync(key, ReleaseLock.ByHandle(granted.Holder.Handle)));
        }
        var next = Assert.IsType<Granted>(await engine.AcquireAsync(key, new AcquireRequest("worker")));

        Assert.Equal(Cycles + 1, next.Holder.FencingToken);
        Assert.InRange(await RowsOnceCompactedAsync("lock-" + key.EntityId), 1, SnapshotEvery + 2);
    }

    [Fact]
    public async Task A_lock_held_and_extended_for_a_long_time_leaves_a_bounded_number_of_journal_rows()
    {
        var engine = server.Services.GetRequiredService<ILockEngine>();
        var key = new LockKey("compaction", "long-held");
        var granted = Assert.IsType<Granted>(await engine.AcquireAsync(key, new AcquireRequest("worker", TimeSpan.FromMinutes(5))));

        for (var i = 0; i < Cycles; i++)
            Assert.IsType<Extended>(await engine.ExtendAsync(key, granted.Holder.Handle, TimeSpan.FromMinutes(5)));

        Assert.InRange(await RowsOnceCompactedAsync("lock-" + key.EntityId), 1, SnapshotEvery + 2);
        Assert.IsType<Released>(await engine.ReleaseAsync(key, ReleaseLock.ByHandle(granted.Holder.Handle)));
        Assert.Equal(2, Assert.IsType<Granted>(await engine.AcquireAsync(key, new AcquireRequest("next"))).Holder.FencingToken);
    }

    /// <summary>
    /// Compaction runs after the snapshot is stored, asynchronously, and the latest events reach SQLite from the write-ahead
    /// log up to 100 ms after they were acknowledged (none there yet reads as zero rows): give both a bounded while.
    /// </summary>
    private async Task<long> RowsOnceCompactedAsync(string persistenceId)
    {
        var rows = await CountJournalRowsAsync(persistenceId);
        for (var attempt = 0; attempt < 50 && rows is 0 or > SnapshotEvery + 2; attempt++)
        {
            await Task.Delay(200);
            rows = await CountJournalRowsAsync(persistenceId);
        }
        return rows;
    }

    private async Task<long> CountJournalRowsAsync(string persistenceId)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(server.DataDirectory, "akkalocks.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM events WHERE persistence_id = $id";
        command.Parameters.AddWithValue("$id", persistenceId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
