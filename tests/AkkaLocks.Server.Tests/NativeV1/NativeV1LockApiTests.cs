using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AkkaLocks.Contracts;
using static AkkaLocks.Server.Tests.NativeV1.V1Http;

namespace AkkaLocks.Server.Tests.NativeV1;

/// <summary>The v1 lock resource over real HTTP: acquire, read, extend, release, force-release, fence checks.</summary>
[Collection(NativeV1Collection.Name)]
public sealed class NativeV1LockApiTests(AkkaLocksKestrelServer server)
{
    private readonly V1Http _v1 = For(server);

    [Fact]
    public async Task Grant_carries_handle_fencing_token_ttl_expiry_and_data()
    {
        var ctx = NewContext();
        using var response = await _v1.AcquireAsync(ctx, "job", new { owner = "alice", ttlMs = 30000, data = new { step = 3 } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var grant = (await response.Content.ReadFromJsonAsync<LockGrant>(Json))!;
        Assert.Equal((ctx, "job", "alice"), (grant.Context, grant.Name, grant.Owner));
        Assert.Equal(32, grant.Handle.Length);
        Assert.Equal(1, grant.FencingToken);
        Assert.Equal(30000, grant.TtlMs);
        Assert.InRange(grant.ExpiresAt!.Value, DateTimeOffset.UtcNow.AddSeconds(25), DateTimeOffset.UtcNow.AddSeconds(31));
        Assert.Equal(3, grant.Data!.Value.GetProperty("step").GetInt32());
    }

    [Fact]
    public async Task Lock_without_ttl_is_held_until_released()
    {
        var grant = await _v1.GrantAsync(NewContext(), "job", new { owner = "alice" });

        Assert.Null(grant.TtlMs);
        Assert.Null(grant.ExpiresAt);
    }

    [Fact]
    public async Task Busy_lock_answers_423_with_the_current_holder_and_no_handle()
    {
        var ctx = NewContext();
        var held = await _v1.GrantAsync(ctx, "job", new { owner = "alice" });

        using var response = await _v1.AcquireAsync(ctx, "job", new { owner = "bob" });

        var problem = await ProblemAsync(response, HttpStatusCode.Locked);
        var holder = problem.GetProperty("holder");
        Assert.Equal("alice", holder.GetProperty("owner").GetString());
        Assert.Equal(held.FencingToken, holder.GetProperty("fencingToken").GetInt64());
        Assert.False(holder.TryGetProperty("handle", out _));
        Assert.False(problem.GetProperty("queueFull").GetBoolean());
    }

    [Fact]
    public async Task Read_shows_holder_remaining_ttl_data_and_waiters_and_404_when_free()
    {
        var ctx = NewContext();
        Assert.Equal(HttpStatusCode.NotFound, (await _v1.GetAsync(ctx, "job")).StatusCode);
        await _v1.GrantAsync(ctx, "job", new { owner = "alice", ttlMs = 60000, data = new { k = "v" } });
        using var waiter = new CancellationTokenSource();
        var waiting = _v1.AcquireAsync(ctx, "job", new { owner = "bob", waitMs = 60000 }, waiter.Token);
        await _v1.WaitersAsync(ctx, "job", 1);

        var info = (await _v1.ReadAsync(ctx, "job"))!;

        Assert.Equal("alice", info.Owner);
        Assert.InRange(info.RemainingMs!.Value, 1, 60000);
        Assert.Equal("v", info.Data!.Value.GetProperty("k").GetString());
        Assert.Equal("bob", Assert.Single(info.Waiters!).Owner);
        await waiter.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task Extend_restarts_the_ttl_and_a_handle_that_no_longer_holds_gets_409()
    {
        var ctx = NewContext();
        var grant = await _v1.GrantAsync(ctx, "job", new { owner = "alice", ttlMs = 1000 });

        using var extended = await _v1.Http.PostAsJsonAsync($"/v1/locks/{ctx}/job/extend", new { handle = grant.Handle, ttlMs = 60000 }, Json);
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        var after = (await extended.Content.ReadFromJsonAsync<LockGrant>(Json))!;
        Assert.Equal(60000, after.TtlMs);
        Assert.True(after.ExpiresAt > grant.ExpiresAt);
        Assert.Equal(grant.FencingToken, after.FencingToken);

        using var wrong = await _v1.Http.PostAsJsonAsync($"/v1/locks/{ctx}/job/extend", new { handle = "not-the-handle", ttlMs = 60000 }, Json);
        await ProblemAsync(wrong, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Release_answers_204_then_409_for_the_same_handle()
    {
        var ctx = NewContext();
        var grant = await _v1.GrantAsync(ctx, "job", new { owner = "alice" });

        Assert.Equal(HttpStatusCode.NoContent, (await _v1.ReleaseAsync(ctx, "job", grant.Handle)).StatusCode);
        await ProblemAsync(await _v1.ReleaseAsync(ctx, "job", grant.Handle), HttpStatusCode.Conflict);
        Assert.Null(await _v1.ReadAsync(ctx, "job"));
    }

    [Fact]
    public async Task Force_release_frees_the_lock_whoever_holds_it()
    {
        var ctx = NewContext();
        var grant = await _v1.GrantAsync(ctx, "job", new { owner = "alice" });

        Assert.Equal(HttpStatusCode.NoContent, (await _v1.Http.DeleteAsync($"/v1/locks/{ctx}/job?force=true")).StatusCode);

        Assert.Null(await _v1.ReadAsync(ctx, "job"));
        await ProblemAsync(await _v1.ReleaseAsync(ctx, "job", grant.Handle), HttpStatusCode.Conflict);
        await ProblemAsync(await _v1.Http.DeleteAsync($"/v1/locks/{ctx}/job?force=true"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Fence_check_accepts_only_the_current_holders_token()
    {
        var ctx = NewContext();
        var first = await _v1.GrantAsync(ctx, "job", new { owner = "alice" });
        await _v1.ReleaseAsync(ctx, "job", first.Handle);
        var second = await _v1.GrantAsync(ctx, "job", new { owner = "bob" });

        var current = await _v1.Http.GetFromJsonAsync<FenceCheck>($"/v1/locks/{ctx}/job/fence/{second.FencingToken}", Json);
        var stale = await _v1.Http.GetFromJsonAsync<FenceCheck>($"/v1/locks/{ctx}/job/fence/{first.FencingToken}", Json);

        Assert.True(current!.IsCurrent);
        Assert.False(stale!.IsCurrent);
        Assert.Equal(second.FencingToken, stale.CurrentFencingToken);
        await _v1.ReleaseAsync(ctx, "job", second.Handle);
        var free = await _v1.Http.GetFromJsonAsync<FenceCheck>($"/v1/locks/{ctx}/job/fence/{second.FencingToken}", Json);
        Assert.False(free!.IsCurrent);
        Assert.Null(free.CurrentFencingToken);
    }

    [Fact]
    public async Task List_pages_through_held_locks_of_a_context_with_a_name_prefix()
    {
        var ctx = NewContext();
        foreach (var name in new[] { "a-1", "a-2", "a-3", "b-1" }) await _v1.GrantAsync(ctx, name, new { owner = "o" });

        var first = (await _v1.Http.GetFromJsonAsync<LockPage>($"/v1/locks?context={ctx}&prefix=a-&limit=2", Json))!;
        var second = (await _v1.Http.GetFromJsonAsync<LockPage>($"/v1/locks?context={ctx}&prefix=a-&limit=2&cursor={first.NextCursor}", Json))!;

        Assert.Equal(["a-1", "a-2"], first.Items.Select(i => i.Name));
        Assert.NotNull(first.NextCursor);
        Assert.Equal(["a-3"], second.Items.Select(i => i.Name));
        Assert.Null(second.NextCursor);
        Assert.All(first.Items, i => Assert.Equal(ctx, i.Context));
    }

    [Theory]
    [InlineData("PUT", "/v1/locks/{ctx}/bad name", """{"owner":"o"}""")]
    [InlineData("PUT", "/v1/locks/{ctx}/job", """{"ttlMs":1000}""")]
    [InlineData("PUT", "/v1/locks/{ctx}/job", """{"owner":"o","ttlMs":5}""")]
    [InlineData("PUT", "/v1/locks/{ctx}/job", """{"owner":"o","ttlMs":9223372036854775807}""")]
    [InlineData("PUT", "/v1/locks/{ctx}/job", """{"owner":"o","waitMs":-1}""")]
    [InlineData("PUT", "/v1/locks/{ctx}/job", """{"owner":"o","data":[1,2]}""")]
    [InlineData("PUT", "/v1/locks/{ctx}/job", """{"owner":"o","requestId":""}""")]
    [InlineData("PUT", "/v1/locks/{ctx}/job", """{"owner":""")]
    [InlineData("PUT", "/v1/locks/{ctx}/job", """[]""")]
    [InlineData("POST", "/v1/locks/{ctx}/job/extend", """{"handle":"h","ttlMs":1}""")]
    [InlineData("DELETE", "/v1/locks/{ctx}/job", null)]
    [InlineData("GET", "/v1/locks/{ctx}/job/fence/abc", null)]
    [InlineData("GET", "/v1/locks?limit=0", null)]
    [InlineData("GET", "/v1/locks?cursor=@@@", null)]
    [InlineData("GET", "/v1/locks?context=a/b", null)]
    public async Task Bad_input_is_a_400_problem_and_never_a_server_error(string method, string path, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{ctx}", NewContext()));
        if (body is not null) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await _v1.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_v1_path_is_a_404_problem()
    {
        var problem = await ProblemAsync(await _v1.Http.GetAsync("/v1/nothing/here"), HttpStatusCode.NotFound);

        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }
}
