using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using Akka.TestKit;
using AkkaLocks.Core;
using AkkaLocks.Engine.Index;

namespace AkkaLocks.Engine.Tests;

/// <summary>The index of held locks, fed through the event stream as the entities feed it, on virtual time.</summary>
public sealed class HeldLocksIndexActorSpecs(ITestOutputHelper output) : Akka.Hosting.TestKit.TestKit(nameof(HeldLocksIndexActorSpecs), output)
{
    protected override Config Config => TestConfigs.VirtualTime;

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    protected override void ConfigureAkka(AkkaConfigurationBuilder builder, IServiceProvider provider) { }

    [Fact]
    public async Task Lists_held_locks_by_context_then_name()
    {
        var index = await StartIndexAsync();
        Publish(Acquired("b", "2", 1), Acquired("a", "9", 1), Acquired("b", "1", 1));

        var all = await ListAsync(index, null);
        var inB = await ListAsync(index, "b");

        Assert.Equal(["a:9", "b:1", "b:2"], all.Select(l => l.Key.ToString()));
        Assert.Equal(["b:1", "b:2"], inB.Select(l => l.Key.ToString()));
    }

    [Fact]
    public async Task Released_expired_and_force_released_locks_leave_the_index()
    {
        var index = await StartIndexAsync();
        Publish(Acquired("c", "1", 1), Acquired("c", "2", 1), Acquired("c", "3", 1), Acquired("c", "4", 1));

        Publish(new LockReleased(new("c", "1"), "o", 1, At), new LockExpired(new("c", "2"), "o", 1, At),
            new LockForceReleased(new("c", "3"), "o", 1, At, ForceReleaseReason.Reset));

        Assert.Equal(["c:4"], (await ListAsync(index, null)).Select(l => l.Key.ToString()));
    }

    [Fact]
    public async Task Lock_past_its_deadline_is_not_listed_before_its_expiry_event_arrives()
    {
        var index = await StartIndexAsync();
        Publish(Acquired("c", "ttl", 1, TimeSpan.FromSeconds(10)), Acquired("c", "forever", 1));

        Scheduler.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(["c:forever"], (await ListAsync(index, "c")).Select(l => l.Key.ToString()));
    }

    [Fact]
    public async Task Extension_moves_the_listed_deadline()
    {
        var index = await StartIndexAsync();
        Publish(Acquired("c", "1", 1, TimeSpan.FromSeconds(10)));
        Publish(new LockExtended(new("c", "1"), "o", 1, At, TimeSpan.FromSeconds(60), At.AddSeconds(60)));

        Scheduler.Advance(TimeSpan.FromSeconds(30));

        Assert.Single(await ListAsync(index, "c"));
    }

    [Fact]
    public async Task Late_release_of_an_older_grant_does_not_remove_the_newer_one()
    {
        var index = await StartIndexAsync();
        Publish(Acquired("c", "1", 2));

        Publish(new LockReleased(new("c", "1"), "o", 1, At));

        Assert.Equal(2, (await ListAsync(index, "c")).Single().Holder.FencingToken);
    }

    [Fact]
    public async Task Recovered_lock_observation_adds_it_unless_a_newer_grant_is_known()
    {
        var index = await StartIndexAsync();
        Publish(Acquired("c", "new", 5));
        var old = new LockHolder("o", "h", 4, At, null, null, null, null);

        Publish(new HeldLockObserved(new("c", "new"), old), new HeldLockObserved(new("c", "recovered"), old));

        var listed = await ListAsync(index, "c");
        Assert.Equal([("new", 5L), ("recovered", 4L)], listed.Select(l => (l.Key.Name, l.Holder.FencingToken)));
    }

    [Fact]
    public async Task Counts_the_locks_each_owner_holds_as_grants_come_and_go()
    {
        var index = await StartIndexAsync();
        Publish(Acquired("c", "1", 1), Acquired("c", "2", 2), Acquired("d", "1", 1) with { Owner = "p" });
        Publish(new LockReleased(new("c", "1"), "o", 1, At), new LockReleased(new("c", "2"), "o", 1, At));   // the second: an older grant's

        Assert.Equal(1, await CountAsync(index, "o"));
        Assert.Equal(1, await CountAsync(index, "p"));
        Assert.Equal(0, await CountAsync(index, "nobody"));
    }

    [Fact]
    public async Task Newer_grant_of_a_lock_moves_its_count_to_the_new_owner()
    {
        var index = await StartIndexAsync();
        Publish(Acquired("c", "1", 1));

        Publish(Acquired("c", "1", 2) with { Owner = "p" });   // taken over: the old owner's release event may come later or never

        Assert.Equal(0, await CountAsync(index, "o"));
        Assert.Equal(1, await CountAsync(index, "p"));
    }

    /// <summary>The shared counts, read once the index has taken in everything published before (its answer to a listing).</summary>
    private async Task<int> CountAsync(IActorRef index, string owner)
    {
        await index.Ask<HeldLocks>(new ListHeldLocks(null));
        return _heldByOwner.HeldBy(owner);
    }

    private readonly OwnerHoldCounts _heldByOwner = new();

    private DateTimeOffset At => Scheduler.Now;

    private LockAcquired Acquired(string context, string name, long token, TimeSpan? ttl = null) =>
        new(new LockKey(context, name), "o", token, At, "h", ttl, At + ttl, null, null);

    private void Publish(params object[] events)
    {
        foreach (var e in events) Sys.EventStream.Publish(e);
    }

    private async Task<IActorRef> StartIndexAsync()
    {
        var index = Sys.ActorOf(Props.Create(() => new HeldLocksIndexActor(_heldByOwner)));
        await index.Ask<HeldLocks>(new ListHeldLocks(null));   // subscribed once it answers
        return index;
    }

    private static async Task<IReadOnlyList<HeldLock>> ListAsync(IActorRef index, string? context) =>
        (await index.Ask<HeldLocks>(new ListHeldLocks(context))).Locks;
}
