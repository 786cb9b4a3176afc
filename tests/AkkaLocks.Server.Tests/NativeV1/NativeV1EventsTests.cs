using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;
using AkkaLocks.Contracts;
using static AkkaLocks.Server.Tests.NativeV1.V1Http;

namespace AkkaLocks.Server.Tests.NativeV1;

/// <summary>The SSE watch over real HTTP, read with SseParser to pin the wire format.</summary>
[Collection(NativeV1Collection.Name)]
public sealed class NativeV1EventsTests(AkkaLocksKestrelServer server)
{
    private readonly V1Http _v1 = For(server);

    [Fact]
    public async Task Stream_delivers_every_transition_in_order_with_increasing_ids()
    {
        var ctx = NewContext();
        await using var stream = await OpenAsync($"/v1/events?context={ctx}");

        var first = await _v1.GrantAsync(ctx, "job", new { owner = "a", ttlMs = 60000 });
        using var waiter = new CancellationTokenSource();
        var waiting = _v1.AcquireAsync(ctx, "job", new { owner = "w", waitMs = 60000 }, waiter.Token);
        await _v1.WaitersAsync(ctx, "job", 1);
        await waiter.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await _v1.WaitersAsync(ctx, "job", 0);   // the server sees the cancellation asynchronously
        await _v1.Http.PostAsync($"/v1/locks/{ctx}/job/extend",
            JsonContent(new { handle = first.Handle, ttlMs = 60000 }));
        await _v1.ReleaseAsync(ctx, "job", first.Handle);
        await _v1.GrantAsync(ctx, "job", new { owner = "b" });
        await _v1.Http.DeleteAsync($"/v1/locks/{ctx}/job?force=true");

        var events = await stream.TakeAsync(7);

        Assert.Equal(
            [LockEventTypes.Acquired, LockEventTypes.WaiterQueued, LockEventTypes.WaiterLeft, LockEventTypes.Extended,
             LockEventTypes.Released, LockEventTypes.Acquired, LockEventTypes.ForceReleased],
            events.Select(e => e.EventType));
        var ids = events.Select(e => long.Parse(e.EventId!)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var data = events.Select(e => JsonSerializer.Deserialize<LockEventData>(e.Data, Json)!).ToList();
        Assert.All(data, d => Assert.Equal((ctx, "job"), (d.Context, d.Name)));
        Assert.Equal(["a", "w", "w", "a", "a", "b", "b"], data.Select(d => d.Owner));
        Assert.Equal([1L, null, null, 1, 1, 2, 2], data.Select(d => d.FencingToken));
    }

    [Fact]
    public async Task Stream_resumes_after_the_last_event_id_it_delivered()
    {
        var ctx = NewContext();
        long lastSeen;
        await using (var stream = await OpenAsync($"/v1/events?context={ctx}"))
        {
            await _v1.GrantAsync(ctx, "one", new { owner = "a" });
            lastSeen = long.Parse((await stream.TakeAsync(1))[0].EventId!);
        }
        await _v1.GrantAsync(ctx, "two", new { owner = "a" });
        await _v1.GrantAsync(ctx, "three", new { owner = "a" });

        await using var resumed = await OpenAsync($"/v1/events?context={ctx}", lastEventId: lastSeen);
        var missed = await resumed.TakeAsync(2);

        Assert.Equal(["two", "three"], missed.Select(e => JsonSerializer.Deserialize<LockEventData>(e.Data, Json)!.Name));
    }

    [Fact]
    public async Task Stream_filters_by_context_and_name_prefix()
    {
        var ctx = NewContext();
        await using var stream = await OpenAsync($"/v1/events?context={ctx}&prefix=keep");

        await _v1.GrantAsync(NewContext(), "keep-elsewhere", new { owner = "a" });
        await _v1.GrantAsync(ctx, "skip", new { owner = "a" });
        await _v1.GrantAsync(ctx, "keep-me", new { owner = "a" });

        var only = Assert.Single(await stream.TakeAsync(1));
        Assert.Equal("keep-me", JsonSerializer.Deserialize<LockEventData>(only.Data, Json)!.Name);
    }

    [Fact]
    public async Task Stream_opens_with_a_heartbeat_that_has_no_id()
    {
        using var response = await _v1.Http.GetAsync("/v1/events?context=" + NewContext(), HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        await using var items = SseParser.Create(body).EnumerateAsync().GetAsyncEnumerator();

        Assert.True(await items.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(LockEventTypes.Heartbeat, items.Current.EventType);
        Assert.Null(items.Current.EventId);
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, Json), System.Text.Encoding.UTF8, "application/json");

    private async Task<EventStream> OpenAsync(string path, long? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is { } id) request.Headers.Add("Last-Event-ID", id.ToString());
        var response = await _v1.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStreamAsync();
        return new EventStream(response, SseParser.Create(body).EnumerateAsync().GetAsyncEnumerator());
    }

    /// <summary>An open stream; reads skip heartbeats. The subscription is live once the headers have arrived.</summary>
    private sealed class EventStream(HttpResponseMessage response, IAsyncEnumerator<SseItem<string>> items) : IAsyncDisposable
    {
        public async Task<List<SseItem<string>>> TakeAsync(int count)
        {
            var taken = new List<SseItem<string>>();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (taken.Count < count)
            {
                Assert.True(await items.MoveNextAsync().AsTask().WaitAsync(timeout.Token), "the stream ended");
                if (items.Current.EventType != LockEventTypes.Heartbeat) taken.Add(items.Current);
            }
            return taken;
        }

        public async ValueTask DisposeAsync()
        {
            response.Dispose();
            try { await items.DisposeAsync(); }
            catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException) { }
        }
    }
}
