using Akka.Actor;
using Akka.Persistence;
using Akka.TestKit.Xunit2;

namespace AkkaLocks.Persistence.Sqlite.Tests;

/// <summary>The plugins through Akka.Persistence itself: a persistent actor writes, stops, and a new incarnation recovers.</summary>
public sealed class SqliteJournalTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public void A_new_incarnation_recovers_every_event_in_order()
    {
        using (var kit = Kit())
        {
            var actor = kit.Sys.ActorOf(RecordingActor.PropsFor("lock-a"));
            actor.Tell(new RecordingActor.Record("granted", "released"));
            actor.Tell(new RecordingActor.Record("granted"));
            Assert.Equal(3, StateOf(kit, actor).LastSequenceNr);
        }

        using (var kit = Kit())
        {
            var state = StateOf(kit, kit.Sys.ActorOf(RecordingActor.PropsFor("lock-a")));
            Assert.Equal(["granted", "released", "granted"], state.Events);
            Assert.Equal(3, state.LastSequenceNr);
        }
    }

    [Fact]
    public void Deleting_every_event_keeps_the_sequence_numbers_going()
    {
        using (var kit = Kit())
        {
            var actor = kit.Sys.ActorOf(RecordingActor.PropsFor("lock-d"));
            actor.Tell(new RecordingActor.Record("granted", "released"));
            actor.Tell(new RecordingActor.DeleteUpTo(long.MaxValue), kit.TestActor);
            kit.ExpectMsg<DeleteMessagesSuccess>();
        }

        using (var kit = Kit())
        {
            var actor = kit.Sys.ActorOf(RecordingActor.PropsFor("lock-d"));
            var state = StateOf(kit, actor);
            Assert.Empty(state.Events);
            Assert.Equal(2, state.LastSequenceNr);   // a reused sequence number would clash with, or hide behind, the deleted ones
        }
        Assert.Equal(0, _database.Scalar("SELECT COUNT(*) FROM events"));
    }

    [Fact]
    public void Recovery_starts_from_the_latest_snapshot_and_replays_only_later_events()
    {
        using (var kit = Kit())
        {
            var actor = kit.Sys.ActorOf(RecordingActor.PropsFor("lock-s"));
            actor.Tell(new RecordingActor.Record("e1", "e2"));
            actor.Tell(new RecordingActor.Snap("state after 2"), kit.TestActor);
            Assert.Equal(2, kit.ExpectMsg<SaveSnapshotSuccess>().Metadata.SequenceNr);
            actor.Tell(new RecordingActor.Record("e3"));
            StateOf(kit, actor);
        }

        using (var kit = Kit())
        {
            var state = StateOf(kit, kit.Sys.ActorOf(RecordingActor.PropsFor("lock-s")));
            Assert.Equal("state after 2", state.Snapshot);
            Assert.Equal(["e3"], state.Events);
            Assert.Equal(3, state.LastSequenceNr);
        }
    }

    [Fact]
    public void An_event_that_cannot_be_serialized_is_rejected_alone_and_the_actor_writes_on()
    {
        using (var kit = Kit())
        {
            var actor = kit.Sys.ActorOf(RecordingActor.PropsFor("lock-r"));
            actor.Tell(new RecordingActor.Record("granted"));
            actor.Tell(RecordingActor.RecordUnserializable.Instance, kit.TestActor);
            kit.ExpectMsg<RecordingActor.PersistRejected>(TimeSpan.FromSeconds(10));
            actor.Tell(new RecordingActor.Record("released"));
            Assert.Equal(["granted", "released"], StateOf(kit, actor).Events);
        }

        using (var kit = Kit())
        {
            var state = StateOf(kit, kit.Sys.ActorOf(RecordingActor.PropsFor("lock-r")));
            Assert.Equal(["granted", "released"], state.Events);
        }
    }

    [Fact]
    public void Persist_callbacks_and_deferred_messages_run_in_their_order_with_their_sender()
    {
        using var kit = Kit();
        var actor = kit.Sys.ActorOf(RecordingActor.PropsFor("lock-d"));

        actor.Tell(new RecordingActor.RecordThenDefer("granted", "answer", "released"), kit.TestActor);

        Assert.Equal("persisted granted", kit.ExpectMsg<string>(TimeSpan.FromSeconds(10)));
        Assert.Equal("deferred answer", kit.ExpectMsg<string>());
        Assert.Equal("persisted released", kit.ExpectMsg<string>());
        Assert.Equal(["granted", "released"], StateOf(kit, actor).Events);
    }

    [Fact]
    public void A_stale_incarnation_whose_write_the_store_refuses_stops_and_the_live_one_keeps_its_events()
    {
        using var kit = Kit();
        var stale = kit.Sys.ActorOf(RecordingActor.PropsFor("lock-s"));
        Assert.Equal(0, StateOf(kit, stale).LastSequenceNr);   // recovered before the live one writes
        var live = kit.Sys.ActorOf(RecordingActor.PropsFor("lock-s"));
        live.Tell(new RecordingActor.Record("granted to the live one"));
        Assert.Equal(1, StateOf(kit, live).LastSequenceNr);
        kit.Watch(stale);

        stale.Tell(new RecordingActor.Record("granted to the stale one"));

        kit.ExpectTerminated(stale, TimeSpan.FromSeconds(10));   // Akka.Persistence stops an actor whose write failed
        var recovered = kit.Sys.ActorOf(RecordingActor.PropsFor("lock-s"));
        Assert.Equal(["granted to the live one"], StateOf(kit, recovered).Events);
    }

    [Fact]
    public void Many_actors_writing_at_once_share_commits_and_lose_nothing()
    {
        const int actors = 200;
        using (var kit = Kit())
        {
            var refs = Enumerable.Range(0, actors).Select(i => kit.Sys.ActorOf(RecordingActor.PropsFor("lock-" + i))).ToList();
            foreach (var actor in refs) actor.Tell(new RecordingActor.Record("granted"));
            foreach (var actor in refs) Assert.Equal(1, StateOf(kit, actor).LastSequenceNr);
        }

        Assert.Equal(actors, _database.Scalar("SELECT COUNT(*) FROM events"));
    }

    [Fact]
    public void A_database_of_the_earlier_Akka_Persistence_Sql_journal_is_refused_not_ignored()
    {
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(_database.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE journal (ordering INTEGER PRIMARY KEY, persistence_id TEXT)";
            command.ExecuteNonQuery();
        }

        var refused = Assert.Throws<InvalidOperationException>(() => SqliteDatabase.Use(_database.ConnectionString));
        Assert.Contains("earlier AkkaLocks build", refused.Message);
    }

    public void Dispose() => _database.Dispose();

    /// <summary>
    /// A fresh actor system with its scheduler already running. Akka starts the scheduler's clock on first use, as a
    /// thread pool work item, and blocks every caller on a pool thread until it has run (HashedWheelTimerScheduler.Start).
    /// A persistent actor's first use is its recovery timeout: 200 of them starting at once on a fresh system each
    /// blocked a pool thread while the clock's item waited behind them, about 20 s on a loaded machine.
    /// </summary>
    private TestKit Kit()
    {
        var kit = new TestKit(_database.Hocon);
        kit.Sys.Scheduler.ScheduleTellOnceCancelable(TimeSpan.FromDays(1), kit.TestActor, "never", ActorRefs.NoSender).Cancel();
        return kit;
    }

    private static RecordingActor.State StateOf(TestKit kit, IActorRef actor)
    {
        actor.Tell(RecordingActor.GetState.Instance, kit.TestActor);
        return kit.ExpectMsg<RecordingActor.State>(TimeSpan.FromSeconds(10));
    }
}
