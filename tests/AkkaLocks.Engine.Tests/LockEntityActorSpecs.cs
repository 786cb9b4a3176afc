using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Akka.Hosting;
using Akka.Persistence;
using Akka.Persistence.Hosting;
using Akka.TestKit;
using AkkaLocks.Core;
using AkkaLocks.Engine.Entities;
using AkkaLocks.Engine.Index;

namespace AkkaLocks.Engine.Tests;

/// <summary>
/// One lock entity on virtual time and an in-memory journal: expiry, recovery and passivation,
/// with no real waiting. Each spec gets a fresh actor system, hence a fresh journal.
/// </summary>
public sealed class LockEntityActorSpecs(ITestOutputHelper output) : Akka.Hosting.TestKit.TestKit(nameof(LockEntityActorSpecs), output)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    private static readonly LockEntitySettings Settings = new(PassivateFreeAfter: TimeSpan.FromMinutes(5), SnapshotEvery: 100);

    protected override Config Config => TestConfigs.VirtualTime;

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    protected override void ConfigureAkka(AkkaConfigurationBuilder builder, IServiceProvider provider) =>
        builder.WithInMemoryJournal().WithInMemorySnapshotStore().WithAkkaLocksSerialization();

    [Fact]
    public async Task Lock_expires_when_its_ttl_elapses_on_the_scheduler()
    {
        var events = SubscribeToLockEvents();
        var (entity, _, _) = await StartEntityAsync();
        var granted = await entity.Ask<Granted>(Locks.Acquire("a", Ttl));
        await events.ExpectMsgAsync<LockAcquired>();

        Scheduler.Advance(Ttl - TimeSpan.FromMilliseconds(1));
        await events.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Scheduler.Advance(TimeSpan.FromMilliseconds(1));

        var expired = await events.ExpectMsgAsync<LockExpired>();
        Assert.Equal(granted.Holder.FencingToken, expired.FencingToken);
        Assert.Null((await entity.Ask<LockStatus>(Locks.Inspect())).Holder);
    }

    [Fact]
    public async Task Extension_restarts_the_ttl_from_the_time_of_the_extension()
    {
        var events = SubscribeToLockEvents();
        var (entity, _, _) = await StartEntityAsync();
        var granted = await entity.Ask<Granted>(Locks.Acquire("a", Ttl));
        Scheduler.Advance(TimeSpan.FromSeconds(20));
        await entity.Ask<Extended>(Locks.Extend(granted.Holder.Handle, Ttl));
        await events.ExpectMsgAsync<LockAcquired>();
        await events.ExpectMsgAsync<LockExtended>();

        Scheduler.Advance(TimeSpan.FromSeconds(29));
        await events.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Scheduler.Advance(TimeSpan.FromSeconds(1));

        await events.ExpectMsgAsync<LockExpired>();
    }

    [Fact]
    public async Task Released_lock_does_not_expire_later()
    {
        var events = SubscribeToLockEvents();
        var (entity, _, _) = await StartEntityAsync();
        var granted = await entity.Ask<Granted>(Locks.Acquire("a", Ttl));
        await entity.Ask<Released>(Locks.Release(granted.Holder.Handle));
        await events.ExpectMsgAsync<LockAcquired>();
        await events.ExpectMsgAsync<LockReleased>();

        Scheduler.Advance(Ttl * 2);

        await events.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Every_transition_is_published_with_key_owner_token_and_time()
    {
        var events = SubscribeToLockEvents();
        var (entity, _, _) = await StartEntityAsync();
        var first = await entity.Ask<Granted>(Locks.Acquire("a", Ttl));
        await entity.Ask<Extended>(Locks.Extend(first.Holder.Handle, Ttl));
        await entity.Ask<Released>(Locks.Release(first.Holder.Handle));
        await entity.Ask<Granted>(Locks.Acquire("b"));
        await entity.Ask<Released>(new Sharding.LockRequest(Locks.Key, new ForceReleaseLock()));

        var published = new[]
        {
            await events.ExpectMsgAsync<LockEvent>(), await events.ExpectMsgAsync<LockEvent>(), await events.ExpectMsgAsync<LockEvent>(),
            await events.ExpectMsgAsync<LockEvent>(), await events.ExpectMsgAsync<LockEvent>(),
        };

        Assert.Equal([typeof(LockAcquired), typeof(LockExtended), typeof(LockReleased), typeof(LockAcquired), typeof(LockForceReleased)],
            published.Select(e => e.GetType()));
        Assert.All(published, e => Assert.Equal(Locks.Key, e.Key));
        Assert.Equal(["a", "a", "a", "b", "b"], published.Select(e => e.Owner));
        Assert.Equal([1L, 1, 1, 2, 2], published.Select(e => e.FencingToken));
        Assert.All(published, e => Assert.Equal(Scheduler.Now, e.At));
    }

    [Fact]
    public async Task Recovered_lock_keeps_its_holder_handle_and_fencing_token()
    {
        var (entity, parent, _) = await StartEntityAsync();
        var granted = await entity.Ask<Granted>(Locks.Acquire("a", Ttl));
        await StopAsync(parent);

        var (recovered, _, _) = await StartEntityAsync();
        var status = await recovered.Ask<LockStatus>(Locks.Inspect());

        Assert.Equal(granted.Holder, status.Holder);
        var busy = await recovered.Ask<Busy>(Locks.Acquire("b", Ttl));
        Assert.Equal("a", busy.Holder.Owner);
    }

    [Fact]
    public async Task Held_lock_compacts_and_recovers_its_holder_and_deadline_from_the_snapshot()
    {
        var compacting = Settings with { SnapshotEvery = 3 };
        var (entity, parent, _) = await StartEntityAsync(compacting);
        var granted = await entity.Ask<Granted>(Locks.Acquire("a", Ttl));
        Extended extended = null!;
        for (var i = 0; i < 4; i++) extended = await entity.Ask<Extended>(Locks.Extend(granted.Holder.Handle, Ttl));

        var snapshot = await LatestSnapshotAsync("lock-" + Locks.Key.EntityId, minSequenceNr: 3);
        Assert.Equal(granted.Holder.Handle, ((LockState)snapshot.Snapshot).Holder?.Handle);
        await StopAsync(parent);

        var (recovered, _, _) = await StartEntityAsync(compacting);
        Assert.Equal(extended.Holder, (await recovered.Ask<LockStatus>(Locks.Inspect())).Holder);
    }

    [Fact]
    public async Task Fencing_token_keeps_increasing_across_restarts()
    {
        long last = 0;
        for (var restart = 0; restart < 3; restart++)
        {
            var (entity, parent, _) = await StartEntityAsync();
            var granted = await entity.Ask<Granted>(Locks.Acquire("owner-" + restart));
            Assert.True(granted.Holder.FencingToken > last);
            last = granted.Holder.FencingToken;
            await entity.Ask<Released>(Locks.Release(granted.Holder.Handle));
            await StopAsync(parent);
        }
        Assert.Equal(3, last);
    }

    [Fact]
    public async Task Recovered_lock_expires_at_its_original_deadline()
    {
        var events = SubscribeToLockEvents();
        var (entity, parent, _) = await StartEntityAsync();
        await entity.Ask<Granted>(Locks.Acquire("a", Ttl));
        await StopAsync(parent);
        Scheduler.Advance(TimeSpan.FromSeconds(10));   // the "outage"

        var (recovered, _, _) = await StartEntityAsync();
        Assert.NotNull((await recovered.Ask<LockStatus>(Locks.Inspect())).Holder);
        await events.ExpectMsgAsync<LockAcquired>();
        Scheduler.Advance(TimeSpan.FromSeconds(19));
        await events.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Scheduler.Advance(TimeSpan.FromSeconds(1));

        await events.ExpectMsgAsync<LockExpired>();
    }

    [Fact]
    public async Task Lock_whose_deadline_passed_while_stopped_expires_on_recovery()
    {
        var events = SubscribeToLockEvents();
        var (entity, parent, _) = await StartEntityAsync();
        await entity.Ask<Granted>(Locks.Acquire("a", Ttl));
        await StopAsync(parent);
        Scheduler.Advance(Ttl * 2);

        var (recovered, _, _) = await StartEntityAsync();

        await events.ExpectMsgAsync<LockAcquired>();
        await events.ExpectMsgAsync<LockExpired>();
        Assert.Null((await recovered.Ask<LockStatus>(Locks.Inspect())).Holder);
    }

    [Fact]
    public async Task Recovered_held_lock_is_announced_to_the_index()
    {
        var observed = CreateTestProbe();
        Sys.EventStream.Subscribe(observed, typeof(HeldLockObserved));
        var (entity, parent, _) = await StartEntityAsync();
        var granted = await entity.Ask<Granted>(Locks.Acquire("a", Ttl));
        await StopAsync(parent);

        await StartEntityAsync();

        var announcement = await observed.ExpectMsgAsync<HeldLockObserved>();
        Assert.Equal(granted.Holder, announcement.Holder);
    }

    [Fact]
    public async Task Free_lock_passivates_after_its_idle_time_and_held_lock_never_does()
    {
        var (entity, _, shard) = await StartEntityAsync();
        var granted = await entity.Ask<Granted>(Locks.Acquire("a"));

        Scheduler.Advance(Settings.PassivateFreeAfter * 3);
        await shard.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));

        await entity.Ask<Released>(Locks.Release(granted.Holder.Handle));

        IdleUntilPassivation(shard);
        await shard.ExpectMsgAsync<EntityStopped>();
    }

    [Fact]
    public async Task Free_lock_used_again_within_its_idle_time_passivates_a_whole_idle_time_after_its_last_command()
    {
        var (entity, _, shard) = await StartEntityAsync();
        var idle = Settings.PassivateFreeAfter;
        await CycleAsync(entity);
        Scheduler.Advance(idle * 0.8);
        await CycleAsync(entity);

        Scheduler.Advance(idle * 0.5);   // a whole idle time after the first cycle, half of one after the second
        await shard.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));

        Scheduler.Advance(idle * 0.5);
        Assert.IsType<Passivate>(await shard.ReceiveOneAsync(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task Passivated_lock_keeps_its_fencing_counter()
    {
        var (entity, _, shard) = await StartEntityAsync();
        for (var i = 0; i < 5; i++)
        {
            var granted = await entity.Ask<Granted>(Locks.Acquire("a"));
            await entity.Ask<Released>(Locks.Release(granted.Holder.Handle));
        }
        IdleUntilPassivation(shard);
        await shard.ExpectMsgAsync<EntityStopped>();

        var (recovered, _, _) = await StartEntityAsync();
        var next = await recovered.Ask<Granted>(Locks.Acquire("b"));

        Assert.Equal(6, next.Holder.FencingToken);
    }

    [Fact]
    public async Task Free_lock_leaves_only_a_snapshot_of_its_fencing_counter_when_it_passivates()
    {
        var (entity, _, shard) = await StartEntityAsync();   // snapshot-every 100: no compaction before it stops
        for (var i = 0; i < 3; i++) await CycleAsync(entity);

        IdleUntilPassivation(shard);
        await shard.ExpectMsgAsync<EntityStopped>();

        var snapshot = await LatestSnapshotAsync("lock-" + Locks.Key.EntityId, minSequenceNr: 6);
        Assert.Equal(new LockState(Locks.Key, 3, null), snapshot.Snapshot);
        await AwaitAssertAsync(async () => Assert.Empty(await StoredEventsAsync("lock-" + Locks.Key.EntityId)), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Lock_taken_while_passivating_asks_its_shard_to_start_it_again()
    {
        var shard = CreateTestProbe();
        var props = LockEntityActor.PropsFor(Locks.Key.EntityId, Settings);
        var parent = Sys.ActorOf(Props.Create(() => new EntityTestParent(props, shard.Ref, Locks.Acquire("late", null, null))));
        await parent.Ask<LockStatus>(Locks.Inspect(), TimeSpan.FromSeconds(5));

        IdleUntilPassivation(shard);

        // Stopped while held, it would be forgotten by remember-entities: it must ask to be restarted.
        var wakeUp = await shard.ExpectMsgAsync<Sharding.LockRequest>();
        Assert.Equal(Locks.Key, wakeUp.Key);
        await shard.ExpectMsgAsync<EntityStopped>();
    }

    [Fact]
    public async Task Lock_handed_to_another_node_first_answers_the_grant_it_is_writing_then_stops()
    {
        var (entity, _, shard) = await StartEntityAsync();
        var caller = CreateTestProbe();

        entity.Tell(Locks.Acquire("a"), caller);
        entity.Tell(StopForHandOff.Instance);   // arrives while the grant is being persisted, as a rebalance may

        var granted = await caller.ExpectMsgAsync<Granted>();
        await shard.ExpectMsgAsync<EntityStopped>();
        var (recovered, _, _) = await StartEntityAsync();
        Assert.Equal(granted.Holder, (await recovered.Ask<LockStatus>(Locks.Inspect())).Holder);
    }

    private TestProbe SubscribeToLockEvents()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe, typeof(LockEvent));
        return probe;
    }

    /// <summary>
    /// Starts the entity under a stand-in shard and asks it once, so it has recovered (and armed its timers)
    /// before the spec moves the clock. Requests go through the parent, as they would through a shard.
    /// </summary>
    /// <summary>
    /// Lets the free lock's idle time pass until it asks its shard to passivate it. The idle timer may have been armed
    /// before the lock's last command (it then waits out the rest of the idle time from that command), and a timer the
    /// scheduler hands over while the lock is still busy is seen a little later: the clock is advanced until the request comes.
    /// </summary>
    private void IdleUntilPassivation(TestProbe shard)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            Scheduler.Advance(Settings.PassivateFreeAfter);
            if (shard.ReceiveOne(TimeSpan.FromMilliseconds(300)) is { } message)
            {
                Assert.IsType<Passivate>(message);
                return;
            }
        }
        Assert.Fail("The free lock never asked to passivate.");
    }

    private static async Task CycleAsync(IActorRef entity)
    {
        var granted = await entity.Ask<Granted>(Locks.Acquire("a"));
        await entity.Ask<Released>(Locks.Release(granted.Holder.Handle));
    }

    /// <summary>The events the journal still holds for <paramref name="persistenceId"/>.</summary>
    private async Task<IReadOnlyList<object>> StoredEventsAsync(string persistenceId)
    {
        var journal = Akka.Persistence.Persistence.Instance.Apply(Sys).JournalFor(null);
        var replay = CreateTestProbe();
        journal.Tell(new ReplayMessages(0, long.MaxValue, long.MaxValue, persistenceId, replay.Ref));
        var events = new List<object>();
        while (await replay.ReceiveOneAsync(TimeSpan.FromSeconds(5)) is ReplayedMessage replayed) events.Add(replayed.Persistent.Payload);
        return events;
    }

    /// <summary>The newest snapshot of <paramref name="persistenceId"/> once one at or past the sequence number is stored (asynchronously).</summary>
    private async Task<SelectedSnapshot> LatestSnapshotAsync(string persistenceId, long minSequenceNr)
    {
        var store = Akka.Persistence.Persistence.Instance.Apply(Sys).SnapshotStoreFor(null);
        SelectedSnapshot? latest = null;
        await AwaitAssertAsync(async () =>
        {
            var loaded = await store.Ask<LoadSnapshotResult>(new LoadSnapshot(persistenceId, SnapshotSelectionCriteria.Latest, long.MaxValue));
            latest = loaded.Snapshot;
            Assert.True(latest?.Metadata.SequenceNr >= minSequenceNr, "no snapshot yet");
        }, TimeSpan.FromSeconds(5));
        return latest!;
    }

    private async Task<(IActorRef Entity, IActorRef Parent, TestProbe Shard)> StartEntityAsync(LockEntitySettings? settings = null)
    {
        var shard = CreateTestProbe();
        var props = LockEntityActor.PropsFor(Locks.Key.EntityId, settings ?? Settings);
        var parent = Sys.ActorOf(Props.Create(() => new EntityTestParent(props, shard.Ref)));
        await parent.Ask<LockStatus>(Locks.Inspect(), TimeSpan.FromSeconds(5));
        return (parent, parent, shard);
    }

    private async Task StopAsync(IActorRef parent)
    {
        Watch(parent);
        parent.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(parent);
    }
}
