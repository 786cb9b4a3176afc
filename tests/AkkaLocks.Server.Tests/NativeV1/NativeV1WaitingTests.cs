using System.Net;
using System.Net.Http.Json;
using AkkaLocks.Contracts;
using static AkkaLocks.Server.Tests.NativeV1.V1Http;

namespace AkkaLocks.Server.Tests.NativeV1;

/// <summary>Fair waiting and idempotent retries over real HTTP.</summary>
[Collection(NativeV1Collection.Name)]
public sealed class NativeV1WaitingTests(AkkaLocksKestrelServer server)
{
    private readonly V1Http _v1 = For(server);

    [Fact]
    public async Task Ten_queued_waiters_are_granted_in_fifo_order()
    {
        var ctx = NewContext();
        var holder = await _v1.GrantAsync(ctx, "job", new { owner = "first" });
        var waiting = new List<Task<HttpResponseMessage>>();
        for (var i = 0; i < 10; i++)
        {
            waiting.Add(_v1.AcquireAsync(ctx, "job", new { owner = "w" + i, waitMs = 60000 }));
            await _v1.WaitersAsync(ctx, "job", i + 1);   // queued before the next one asks
        }

        var served = new List<string>();
        var tokens = new List<long>();
        foreach (var turn in waiting)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await _v1.ReleaseAsync(ctx, "job", holder.Handle)).StatusCode);
            using var response = await turn;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            holder = (await response.Content.ReadFromJsonAsync<LockGrant>(Json))!;
            served.Add(holder.Owner);
            tokens.Add(holder.FencingToken);
        }

        Assert.Equal(Enumerable.Range(0, 10).Select(i => "w" + i), served);
        Assert.Equal(Enumerable.Range(2, 10).Select(i => (long)i), tokens);
    }

    [Fact]
    public async Task Cancelled_waiter_leaves_the_queue_and_never_holds_the_lock()
    {
        var ctx = NewContext();
        var holder = await _v1.GrantAsync(ctx, "job", new { owner = "first" });
        using var cancel = new CancellationTokenSource();
        var waiting = _v1.AcquireAsync(ctx, "job", new { owner = "impatient", waitMs = 60000 }, cancel.Token);
        await _v1.WaitersAsync(ctx, "job", 1);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await _v1.WaitersAsync(ctx, "job", 0);
        await _v1.ReleaseAsync(ctx, "job", holder.Handle);

        Assert.Null(await _v1.ReadAsync(ctx, "job"));
    }

    [Fact]
    public async Task Wait_that_runs_out_answers_423_with_the_holder()
    {
        var ctx = NewContext();
        await _v1.GrantAsync(ctx, "job", new { owner = "first" });

        using var response = await _v1.AcquireAsync(ctx, "job", new { owner = "second", waitMs = 300 });

        var problem = await ProblemAsync(response, HttpStatusCode.Locked);
        Assert.Equal("first", problem.GetProperty("holder").GetProperty("owner").GetString());
        Assert.Empty((await _v1.ReadAsync(ctx, "job"))!.Waiters!);
    }

    [Fact]
    public async Task Waiter_gets_the_lock_when_the_holders_ttl_expires()
    {
        var ctx = NewContext();
        await _v1.GrantAsync(ctx, "job", new { owner = "first", ttlMs = 300 });

        var grant = await _v1.GrantAsync(ctx, "job", new { owner = "second", waitMs = 30000 });

        Assert.Equal("second", grant.Owner);
        Assert.Equal(2, grant.FencingToken);
    }

    [Fact]
    public async Task Retry_with_the_same_request_id_returns_the_original_grant_and_never_a_second()
    {
        var ctx = NewContext();
        var body = new { owner = "alice", ttlMs = 60000, requestId = "req-1" };
        var original = await _v1.GrantAsync(ctx, "job", body);

        var retried = await _v1.GrantAsync(ctx, "job", body);
        Assert.Equal(original.Handle, retried.Handle);
        Assert.Equal(original.FencingToken, retried.FencingToken);

        await _v1.ReleaseAsync(ctx, "job", original.Handle);
        using var late = await _v1.AcquireAsync(ctx, "job", body);
        var problem = await ProblemAsync(late, HttpStatusCode.Conflict);
        Assert.Equal(original.FencingToken, problem.GetProperty("fencingToken").GetInt64());
        Assert.Null(await _v1.ReadAsync(ctx, "job"));
    }
}
