using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using Akka.TestKit;
using AkkaLocks.Core;
using AkkaLocks.Engine.Events;

namespace AkkaLocks.Engine.Tests;

/// <summary>The per-lock event log, fed through the event stream as the entities feed it, on virtual time.</summary>
public sealed class LockEventLogActorSpecs(ITestOutputHelper output) : Akka.Hosting.TestKit.TestKit(nameof(LockEventLogActorSpecs), output)
{
    private static readonly LockKey Key = new("c", "l");

    protected override Config Config => TestConfigs.VirtualTime;

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    private DateTimeOffset At => Scheduler.Now;

    protected override void ConfigureAkka(AkkaConfigurationBuilder builder, IServiceProvider provider) { }

    [Fact]
    public async Task Keeps_each_locks_events_in_order_with_increasing_ids()
    {
        var log = await StartAsync();
        Publish(Acquired(Key, 1), Acquired(new("c", "other"), 1), new LockReleased(Key, "o", 1, At));

        var events = await ReadAsync(log, Key, LockEventCursor.First);

        Assert.Equal([typeof(LockAcquired), typeof(LockReleased)], events.Select(e => e.Event.GetType()));
        Assert.True(events[1].Id > events[0].Id);
    }

    [Fact]
    public async Task Reader_with_the_last_id_it_saw_gets_only_what_came_after()
    {
        var log = await StartAsync();
        Publish(Acquired(Key, 1));
        var first = (await ReadAsync(log, Key, LockEventCursor.First)).Single();
        Publish(new LockReleased(Key, "o", 1, At), Acquired(Key, 2));

        var next = await ReadAsync(log, Key, LockEventCursor.After(first.Id));

        Assert.Equal([typeof(LockReleased), typeof(LockAcquired)], next.Select(e => e.Event.GetType()));
    }

    [Fact]
    public async Task Waiting_reader_is_answered_by_the_next_event()
    {
        var log = await StartAsync();
        Publish(Acquired(Key, 1));
        var waiting = log.Ask<LockEventBatch>(new ReadLockEvents(Key, LockEventCursor.Last, 10, TimeSpan.FromSeconds(30)));
        await log.Ask<LockEventCount>(new CountLockEvents(Key));   // the read is registered before the release

        Publish(new LockReleased(Key, "o", 1, At));

        Assert.IsType<LockReleased>((await waiting).Events.Single().Event);
    }

    [Fact]
    public async Task Waiting_reader_gets_an_empty_batch_when_its_time_is_up()
    {
        var log = await StartAsync();
        var waiting = log.Ask<LockEventBatch>(new ReadLockEvents(Key, LockEventCursor.First, 10, TimeSpan.FromSeconds(5)));
        await log.Ask<LockEventCount>(new CountLockEvents(Key));

        Scheduler.Advance(TimeSpan.FromSeconds(5));

        Assert.Empty((await waiting).Events);
    }

    [Fact]
    public async Task Keeps_a_bounded_window_per_lock()
    {
        var log = await StartAsync(new LockEventLogOptions { EventsPerLock = 3 });
        Publish(Acquired(Key, 1), Acquired(Key, 2), Acquired(Key, 3), Acquired(Key, 4));

        var kept = await ReadAsync(log, Key, LockEventCursor.First);

        Assert.Equal([2L, 3L, 4L], kept.Select(e => e.Event.FencingToken));
        Assert.Equal(3, (await log.Ask<LockEventCount>(new CountLockEvents(Key))).Count);
    }

    [Fact]
    public async Task Forgets_a_lock_that_stopped_changing_for_longer_than_the_retention()
    {
        var log = await StartAsync(new LockEventLogOptions { Retention = TimeSpan.FromMinutes(1) });
        Publish(Acquired(Key, 1));

        Scheduler.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(0, (await log.Ask<LockEventCount>(new CountLockEvents(Key))).Count);
    }

    [Fact]
    public async Task Keeps_at_most_max_locks_forgetting_the_one_that_changed_least_recently()
    {
        var log = await StartAsync(new LockEventLogOptions { MaxLocks = 2 });
        LockKey a = new("c", "a"), b = new("c", "b"), c = new("c", "c");
        Publish(Acquired(a, 1), Acquired(b, 1), Acquired(a, 2), Acquired(c, 1));   // b is now the least recently changed

        Assert.Equal(2, (await log.Ask<LockEventCount>(new CountLockEvents(a))).Count);
        Assert.Equal(0, (await log.Ask<LockEventCount>(new CountLockEvents(b))).Count);
        Assert.Equal(1, (await log.Ask<LockEventCount>(new CountLockEvents(c))).Count);
    }

    private LockAcquired Acquired(LockKey key, long token) => new(key, "o", token, At, "h", null, null, null, null);

    private void Publish(params object[] events)
    {
        foreach (var e in events) Sys.EventStream.Publish(e);
    }

    private async Task<IActorRef> StartAsync(LockEventLogOptions? options = null)
    {
        var log = Sys.ActorOf(LockEventLogActor.PropsFor(options ?? new LockEventLogOptions()));
        await log.Ask<LockEventCount>(new CountLockEvents(Key));   // subscribed once it answers
        return log;
    }

    private static async Task<IReadOnlyList<LockEventRecord>> ReadAsync(IActorRef log, LockKey key, LockEventCursor from) =>
        (await log.Ask<LockEventBatch>(new ReadLockEvents(key, from, 100, TimeSpan.Zero))).Events;
}
