using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using Akka.Persistence.Hosting;
using Akka.TestKit;
using AkkaLocks.Core;
using AkkaLocks.Engine.Entities;

namespace AkkaLocks.Engine.Tests;

/// <summary>
/// Fair waiting inside one lock entity, on virtual time: hand-off on release and expiry, wait deadlines,
/// abandonment, the queue bound, and waiters that do not outlive the actor.
/// </summary>
public sealed class WaitingLockEntitySpecs(ITestOutputHelper output) : Akka.Hosting.TestKit.TestKit(nameof(WaitingLockEntitySpecs), output)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static readonly LockEntitySettings Settings = new(PassivateFreeAfter: TimeSpan.FromMinutes(5), SnapshotEvery: 100, MaxWaiters: 2);

    protected override Config Config => TestConfigs.VirtualTime;

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    protected override void ConfigureAkka(AkkaConfigurationBuilder builder, IServiceProvider provider) =>
        builder.WithInMemoryJournal().WithInMemorySnapshotStore().WithAkkaLocksSerialization();

    [Fact]
    public async Task Release_hands_the_lock_to_the_waiters_in_the_order_they_asked()
    {
        var (entity, _) = await StartEntityAsync();
        var first = await entity.Ask<Granted>(Locks.Acquire("a", Ttl));
        var b = CreateTestProbe();
        var c = CreateTestProbe();
        entity.Tell(Locks.AcquireWaiting("b", Wait, Ttl), b.Ref);
        await entity.Ask<LockStatus>(Locks.Inspect());   // b is queued before c
        entity.Tell(Locks.AcquireWaiting("c", Wait, Ttl), c.Ref);
        await b.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));

        await entity.Ask<Released>(Locks.Release(first.Holder.Handle));
        var toB = await b.ExpectMsgAsync<Granted>();
        await c.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        await entity.Ask<Released>(Locks.Release(toB.Holder.Handle));
        var toC = await c.ExpectMsgAsync<Granted>();

        Assert.Equal([2L, 3L], [toB.Holder.FencingToken, toC.Holder.FencingToken]);
        Assert.Equal("c", (await entity.Ask<LockStatus>(Locks.Inspect())).Holder!.Owner);
    }

    [Fact]
    public async Task Expiry_on_the_scheduler_hands_the_lock_to_the_waiter()
    {
        var events = SubscribeTo<LockEvent>();
        var (entity, _) = await StartEntityAsync();
        await entity.Ask<Granted>(Locks.Acquire("a", Ttl));
        var b = CreateTestProbe();
        entity.Tell(Locks.AcquireWaiting("b", Wait, Ttl), b.Ref);
        await entity.Ask<LockStatus>(Locks.Inspect());

        Scheduler.Advance(Ttl);

        Assert.Equal("b", (await b.ExpectMsgAsync<Granted>()).Holder.Owner);
        await events.ExpectMsgAsync<LockAcquired>();
        await events.ExpectMsgAsync<LockExpired>();
        Assert.Equal("b", (await events.ExpectMsgAsync<LockAcquired>()).Owner);
    }

    [Fact]
    public async Task Waiter_is_answered_busy_when_its_wait_runs_out()
    {
        var notices = SubscribeTo<WaiterNotice>();
        var (entity, _) = await StartEntityAsync();
        var held = await entity.Ask<Granted>(Locks.Acquire("a"));
        var b = CreateTestProbe();
        entity.Tell(Locks.AcquireWaiting("b", TimeSpan.FromSeconds(5)), b.Ref);
        await notices.ExpectMsgAsync<WaiterQueued>();

        Scheduler.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
        await b.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        Scheduler.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal("a", (await b.ExpectMsgAsync<Busy>()).Holder.Owner);
        Assert.Equal(WaiterLeftReason.TimedOut, (await notices.ExpectMsgAsync<WaiterLeft>()).Reason);
        await entity.Ask<Released>(Locks.Release(held.Holder.Handle));
        Assert.Null((await entity.Ask<LockStatus>(Locks.Inspect())).Holder);
    }

    [Fact]
    public async Task Abandoned_waiter_leaves_the_queue_and_never_holds_the_lock()
    {
        var (entity, _) = await StartEntityAsync();
        var held = await entity.Ask<Granted>(Locks.Acquire("a"));
        var b = CreateTestProbe();
        entity.Tell(Locks.AcquireWaiting("b", Wait, handle: "b-handle"), b.Ref);

        entity.Tell(Locks.Abandon("b-handle"));
        Assert.Empty((await entity.Ask<LockStatus>(Locks.Inspect())).Waiters!);
        await entity.Ask<Released>(Locks.Release(held.Holder.Handle));

        Assert.Null((await entity.Ask<LockStatus>(Locks.Inspect())).Holder);
        await b.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Grant_made_for_a_caller_that_went_away_is_released_at_once_and_passed_on()
    {
        var events = SubscribeTo<LockEvent>();
        var (entity, _) = await StartEntityAsync();
        var held = await entity.Ask<Granted>(Locks.Acquire("a"));
        entity.Tell(Locks.AcquireWaiting("gone", Wait, handle: "gone-handle"), CreateTestProbe().Ref);   // a caller that never reads its answer
        var c = CreateTestProbe();
        entity.Tell(Locks.AcquireWaiting("c", Wait), c.Ref);
        await entity.Ask<Released>(Locks.Release(held.Holder.Handle));

        entity.Tell(Locks.Abandon("gone-handle"));

        Assert.Equal("c", (await c.ExpectMsgAsync<Granted>()).Holder.Owner);
        var transitions = new List<LockEvent>();
        for (var i = 0; i < 5; i++) transitions.Add(await events.ExpectMsgAsync<LockEvent>());
        Assert.Equal([typeof(LockAcquired), typeof(LockReleased), typeof(LockAcquired), typeof(LockReleased), typeof(LockAcquired)],
            transitions.Select(e => e.GetType()));
        Assert.Equal(["a", "a", "gone", "gone", "c"], transitions.Select(e => e.Owner));
    }

    [Fact]
    public async Task Queue_beyond_its_bound_answers_queue_full_at_once()
    {
        var (entity, _) = await StartEntityAsync();
        await entity.Ask<Granted>(Locks.Acquire("a"));
        entity.Tell(Locks.AcquireWaiting("w1", Wait));
        entity.Tell(Locks.AcquireWaiting("w2", Wait));

        var refused = await entity.Ask<Busy>(Locks.AcquireWaiting("w3", Wait));

        Assert.True(refused.QueueFull);
        Assert.Equal(2, (await entity.Ask<LockStatus>(Locks.Inspect())).Waiters!.Count);
    }

    [Fact]
    public async Task Waiters_are_not_recovered_after_a_restart()
    {
        var (entity, parent) = await StartEntityAsync();
        await entity.Ask<Granted>(Locks.Acquire("a"));
        var b = CreateTestProbe();
        entity.Tell(Locks.AcquireWaiting("b", Wait), b.Ref);
        await entity.Ask<LockStatus>(Locks.Inspect());
        Watch(parent);
        parent.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(parent);

        await b.ExpectMsgAsync<Busy>();   // answered as the lock stopped, not left hanging
        var (recovered, _) = await StartEntityAsync();
        var status = await recovered.Ask<LockStatus>(Locks.Inspect());
        Assert.Equal("a", status.Holder!.Owner);
        Assert.Empty(status.Waiters!);
    }

    private TestProbe SubscribeTo<T>()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe, typeof(T));
        return probe;
    }

    /// <summary>Starts the entity under a stand-in shard (requests go through it) and waits until it has recovered.</summary>
    private async Task<(IActorRef Entity, IActorRef Parent)> StartEntityAsync()
    {
        var shard = CreateTestProbe();
        var props = LockEntityActor.PropsFor(Locks.Key.EntityId, Settings);
        var parent = Sys.ActorOf(Props.Create(() => new EntityTestParent(props, shard.Ref, null)));
        await parent.Ask<LockStatus>(Locks.Inspect(), TimeSpan.FromSeconds(5));
        return (parent, parent);
    }
}
