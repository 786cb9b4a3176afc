using AkkaLocks.Core;
using AkkaLocks.Engine.Events;

namespace AkkaLocks.Engine.Tests;

/// <summary>The feed on its own: numbering, the resume window, filtering and the per-subscriber bound.</summary>
public sealed class LockEventFeedTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly LockKey A = new("feed", "a");
    private static readonly LockKey B = new("other", "b");

    private static LockAcquired Acquired(LockKey key, long token) => new(key, "o", token, T0, "h", null, null, null, null);

    [Fact]
    public async Task Entries_are_numbered_in_order_and_replayed_after_the_last_seen_id()
    {
        var feed = new LockEventFeed();
        for (var token = 1; token <= 3; token++) feed.Append(Acquired(A, token));
        feed.Append(new WaiterQueued(A, "w", T0, 1));

        var replayed = await TakeAsync(feed.Subscribe(afterId: 1, _ => true), 3);

        Assert.Equal([2L, 3, 4], replayed.Select(e => e.Id));
        Assert.Equal([LockTransitions.Acquired, LockTransitions.Acquired, LockTransitions.WaiterQueued], replayed.Select(e => e.Transition));
    }

    [Fact]
    public async Task New_subscriber_without_an_id_sees_only_what_comes_next_and_only_what_it_filters()
    {
        var feed = new LockEventFeed();
        feed.Append(Acquired(A, 1));
        var stream = feed.Subscribe(null, k => k.Context == "feed").GetAsyncEnumerator();
        var next = stream.MoveNextAsync();

        feed.Append(Acquired(B, 1));
        feed.Append(new LockReleased(A, "o", 1, T0));

        Assert.True(await next);
        Assert.Equal((3L, LockTransitions.Released), (stream.Current.Id, stream.Current.Transition));
        await stream.DisposeAsync();
    }

    [Fact]
    public async Task Window_keeps_only_the_most_recent_entries()
    {
        var feed = new LockEventFeed(new LockEventFeedOptions { WindowSize = 2 });
        for (var token = 1; token <= 5; token++) feed.Append(Acquired(A, token));

        var replayed = await TakeAsync(feed.Subscribe(0, _ => true), 2);

        Assert.Equal([4L, 5], replayed.Select(e => e.Id));
    }

    [Fact]
    public async Task Subscriber_that_falls_too_far_behind_is_ended_and_can_resume()
    {
        var feed = new LockEventFeed(new LockEventFeedOptions { SubscriberBuffer = 2 });
        var slow = feed.Subscribe(null, _ => true).GetAsyncEnumerator();
        var first = slow.MoveNextAsync();   // registers the subscriber
        for (var token = 1; token <= 5; token++) feed.Append(Acquired(A, token));

        var read = new List<long>();
        if (await first) read.Add(slow.Current.Id);
        while (await slow.MoveNextAsync()) read.Add(slow.Current.Id);

        Assert.True(read.Count < 5);
        var resumed = await TakeAsync(feed.Subscribe(read[^1], _ => true), 5 - read.Count);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => (long)i), read.Concat(resumed.Select(e => e.Id)));
    }

    private static async Task<List<LockFeedEvent>> TakeAsync(IAsyncEnumerable<LockFeedEvent> stream, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var taken = new List<LockFeedEvent>();
        await foreach (var e in stream.WithCancellation(timeout.Token))
        {
            taken.Add(e);
            if (taken.Count == count) break;
        }
        return taken;
    }
}
