using AkkaLocks.Contracts;

namespace AkkaLocks.Client.Tests;

/// <summary>Every low-level call of <see cref="AkkaLocksClient"/> against the real server.</summary>
[Collection(LockServerCollection.Name)]
public sealed class AkkaLocksClientTests(LockServer server)
{
    [Fact]
    public async Task Acquire_extend_read_and_release_round_trip()
    {
        var client = server.NewClient();
        var ctx = client.Options.Context;

        var grant = await client.TryAcquireAsync(ctx, "job", new AcquireLockRequest("me", TtlMs: 5000));
        Assert.NotNull(grant);
        var extended = await client.ExtendAsync(ctx, "job", grant.Handle, TimeSpan.FromSeconds(60));
        var read = await client.GetAsync(ctx, "job");

        Assert.Equal(60000, extended!.TtlMs);
        Assert.Equal(("me", grant.FencingToken), (read!.Owner, read.FencingToken));
        Assert.True(await client.ReleaseAsync(ctx, "job", grant.Handle));
        Assert.False(await client.ReleaseAsync(ctx, "job", grant.Handle));
        Assert.Null(await client.ExtendAsync(ctx, "job", grant.Handle, TimeSpan.FromSeconds(1)));
        Assert.Null(await client.GetAsync(ctx, "job"));
    }

    [Fact]
    public async Task Busy_lock_is_null_and_a_retry_with_the_same_request_id_gets_the_same_grant()
    {
        var client = server.NewClient();
        var ctx = client.Options.Context;
        var request = new AcquireLockRequest("me", RequestId: "r-1");

        var first = await client.TryAcquireAsync(ctx, "job", request);
        var retry = await client.TryAcquireAsync(ctx, "job", request);
        var other = await client.TryAcquireAsync(ctx, "job", new AcquireLockRequest("other"));

        Assert.Equal(first!.Handle, retry!.Handle);
        Assert.Null(other);
    }

    [Fact]
    public async Task Bad_request_throws_with_the_servers_reason()
    {
        var client = server.NewClient();

        var error = await Assert.ThrowsAsync<AkkaLocksApiException>(() =>
            client.TryAcquireAsync(client.Options.Context, "job", new AcquireLockRequest("me", TtlMs: 1)));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("TTL", error.Detail);
    }

    [Fact]
    public async Task List_force_release_and_fence_check()
    {
        var client = server.NewClient();
        var ctx = client.Options.Context;
        var a = await client.TryAcquireAsync(ctx, "a", new AcquireLockRequest("me"));
        await client.TryAcquireAsync(ctx, "b", new AcquireLockRequest("me"));

        var page = await client.ListAsync(ctx, limit: 1);
        var next = await client.ListAsync(ctx, limit: 1, cursor: page.NextCursor);
        Assert.Equal(["a", "b"], page.Items.Concat(next.Items).Select(i => i.Name));

        Assert.True((await client.CheckFenceAsync(ctx, "a", a!.FencingToken)).IsCurrent);
        Assert.True(await client.ForceReleaseAsync(ctx, "a"));
        Assert.False(await client.ForceReleaseAsync(ctx, "a"));
        Assert.False((await client.CheckFenceAsync(ctx, "a", a.FencingToken)).IsCurrent);
    }

    [Fact]
    public async Task Watch_streams_the_transitions_of_a_context_in_order()
    {
        var client = server.NewClient();
        var ctx = client.Options.Context;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var watching = Task.Run(async () =>
        {
            await foreach (var item in client.WatchAsync(ctx, cancellationToken: stop.Token))
            {
                seen.Enqueue($"{item.EventType} {item.Data.Name}");
                if (item.Data.Name == "job" && item.EventType == LockEventTypes.Released) return;
            }
        });
        // The watch is live once a transition of a probe lock reaches it.
        for (var i = 0; i < 100 && seen.IsEmpty; i++)
        {
            var probe = await client.TryAcquireAsync(ctx, "probe", new AcquireLockRequest("me"));
            await client.ReleaseAsync(ctx, "probe", probe!.Handle);
            await Task.Delay(50);
        }

        var grant = await client.TryAcquireAsync(ctx, "job", new AcquireLockRequest("me", TtlMs: 60000));
        await client.ExtendAsync(ctx, "job", grant!.Handle, TimeSpan.FromSeconds(60));
        await client.ReleaseAsync(ctx, "job", grant.Handle);
        await watching.WaitAsync(stop.Token);

        Assert.Equal([$"{LockEventTypes.Acquired} job", $"{LockEventTypes.Extended} job", $"{LockEventTypes.Released} job"],
            seen.Where(e => e.EndsWith(" job")));
    }
}
