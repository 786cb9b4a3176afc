using Microsoft.Data.Sqlite;
using static AkkaLocks.Persistence.Sqlite.Tests.TestWrites;

namespace AkkaLocks.Persistence.Sqlite.Tests;

/// <summary>The writer's batching and its all-or-nothing unit, pinned without timing: a first write is held open while others queue.</summary>
public sealed class GroupCommitWriterTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly GroupCommitWriter _writer;

    public GroupCommitWriterTests()
    {
        var connection = new SqliteConnection(_database.ConnectionString);
        connection.Open();
        StoreSchema.Ensure(connection);
        _writer = new GroupCommitWriter(connection);
    }

    [Fact]
    public async Task Writes_queued_during_a_commit_all_go_into_the_next_transaction()
    {
        var held = new HeldWrite();
        var first = _writer.Submit(held);
        held.Started.Wait();
        var queued = Enumerable.Range(1, 100).Select(i => _writer.Submit(Append("lock-" + i, 1))).ToList();
        held.Release();
        await Task.WhenAll(queued.Append(first));

        Assert.Equal(2, _writer.Commits);
        Assert.Equal(100, _database.Scalar("SELECT COUNT(*) FROM events"));
    }

    [Fact]
    public async Task A_refused_write_fails_alone_and_its_batch_mates_commit()
    {
        await _writer.Submit(Append("lock-a", 1));
        var held = new HeldWrite();
        var first = _writer.Submit(held);
        held.Started.Wait();
        var before = _writer.Submit(Append("lock-b", 1));
        var stale = _writer.Submit(Append("lock-a", 1, 2));   // sequence number 1 exists: a second writer of the same lock
        var after = _writer.Submit(Append("lock-c", 1));
        held.Release();

        await Task.WhenAll(first, before, after);
        await Assert.ThrowsAsync<SqliteException>(() => stale);
        // All or nothing: the refused request's second event (sequence number 2) is not stored either.
        Assert.Equal(1, _database.Scalar("SELECT COUNT(*) FROM events WHERE persistence_id = 'lock-a'"));
        Assert.Equal(3, _database.Scalar("SELECT COUNT(*) FROM events"));
    }

    [Fact]
    public async Task A_write_is_answered_only_after_its_transaction_committed()
    {
        var held = new HeldWrite();
        var first = _writer.Submit(held);
        held.Started.Wait();
        var queued = _writer.Submit(Append("lock-x", 1));

        Assert.False(first.IsCompleted);
        Assert.False(queued.IsCompleted);
        held.Release();
        await queued;
        Assert.Equal(1, _database.Scalar("SELECT COUNT(*) FROM events WHERE persistence_id = 'lock-x'"));
    }

    [Fact]
    public async Task Disposing_writes_what_is_queued_and_refuses_later_writes()
    {
        var queued = _writer.Submit(Append("lock-q", 1));
        _writer.Dispose();

        await queued;
        await Assert.ThrowsAsync<ObjectDisposedException>(() => _writer.Submit(Append("lock-late", 1)));
    }

    public void Dispose()
    {
        _writer.Dispose();
        _database.Dispose();
    }


    /// <summary>A write that holds its transaction open until released, so the test controls what queues behind it.</summary>
    private sealed class HeldWrite : WriteWork
    {
        private readonly ManualResetEventSlim _released = new();

        public ManualResetEventSlim Started { get; } = new();

        public override IReadOnlyList<string> PersistenceIds => [];

        public void Release() => _released.Set();

        protected override void Write(WriterStatements statements)
        {
            Started.Set();
            _released.Wait(TimeSpan.FromSeconds(30));
        }
    }
}
