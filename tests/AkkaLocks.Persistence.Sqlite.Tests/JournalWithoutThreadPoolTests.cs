using static AkkaLocks.Persistence.Sqlite.Tests.TestWrites;

namespace AkkaLocks.Persistence.Sqlite.Tests;

/// <summary>
/// The journal's threads make progress without the .NET thread pool. Akka's dispatchers run on that pool, and a journal
/// stopping in an actor's PostStop blocks one of its threads until the log is in the database: if the log waited for a
/// pool thread, a busy pool would hold back every acknowledgement, and a starved one would never let the journal stop.
/// </summary>
[Collection(nameof(ThreadPoolSaturation))]
public sealed class JournalWithoutThreadPoolTests : IDisposable
{
    private const int Writes = 10;

    private readonly TempDatabase _database = new();

    [Fact]
    public void The_log_acknowledges_applies_and_closes_while_every_pool_thread_is_blocked()
    {
        var database = SqliteDatabase.Use(_database.ConnectionString, applyInterval: TimeSpan.FromMilliseconds(10));
        Exception? failure = null;
        var client = new Thread(() => failure = Record.Exception(() => WriteEachPastTheApplyIntervalThenClose(database)));

        using (ThreadPoolSaturation.Start())
        {
            client.Start();
            Assert.True(client.Join(TimeSpan.FromSeconds(60)), "The journal did not close while the pool was blocked.");
        }

        Assert.Null(failure);
        Assert.Equal(Writes, _database.Scalar("SELECT COUNT(*) FROM events WHERE persistence_id = 'lock-p'"));
    }

    public void Dispose() => _database.Dispose();

    /// <summary>Each write waits out the interval, so the log closes a segment for each and the database applies it.</summary>
    private static void WriteEachPastTheApplyIntervalThenClose(SqliteDatabase database)
    {
        for (var seq = 1; seq <= Writes; seq++)
        {
            var written = database.Writer.Submit(Append("lock-p", seq));
            if (!SpinWait.SpinUntil(() => written.IsCompleted, TimeSpan.FromSeconds(10)))
                throw new TimeoutException($"Write {seq} was not acknowledged.");
            written.GetAwaiter().GetResult();
            Thread.Sleep(30);
        }
        database.Leave();
    }
}
