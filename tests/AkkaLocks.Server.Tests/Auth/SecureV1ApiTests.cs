using System.Net;
using System.Net.Http.Json;
using AkkaLocks.Contracts;
using AkkaLocks.Server.Tests.Dms;
using AkkaLocks.Server.Tests.NativeV1;
using static AkkaLocks.Server.Tests.NativeV1.V1Http;

namespace AkkaLocks.Server.Tests.Auth;

/// <summary>
/// The native v1 API with credentials required: lock operations need the lock role, reads lock or monitor, the
/// watch monitor, event_read or lock, force-release admin. Unlike esoco, v1 answers 401 for missing or wrong
/// credentials and 403 for a user without the role, both as problem details. A lock answers only to its user.
/// </summary>
public sealed class SecureV1ApiTests(SecureKestrelServer server) : IClassFixture<SecureKestrelServer>
{
    private readonly V1Http _anonymous = server.As(null);
    private readonly V1Http _locker = server.As(DmsUsers.Locker, DmsUsers.Password);
    private readonly V1Http _otherLocker = server.As(DmsUsers.OtherLocker, DmsUsers.Password);
    private readonly V1Http _monitor = server.As(DmsUsers.Monitor, DmsUsers.Password);
    private readonly V1Http _admin = server.As(DmsUsers.Admin, DmsUsers.AdminPassword);

    [Fact]
    public async Task Anonymous_caller_gets_401_problem_with_a_challenge_on_every_operation()
    {
        var ctx = NewContext();
        var held = await _locker.GrantAsync(ctx, "job", new { owner = "a" });

        foreach (var response in new[]
        {
            await _anonymous.AcquireAsync(ctx, "other", new { owner = "x" }),
            await _anonymous.Http.PostAsJsonAsync($"/v1/locks/{ctx}/job/extend", new { handle = held.Handle, ttlMs = 60000 }, Json),
            await _anonymous.ReleaseAsync(ctx, "job", held.Handle),
            await _anonymous.Http.DeleteAsync($"/v1/locks/{ctx}/job?force=true"),
            await _anonymous.GetAsync(ctx, "job"),
            await _anonymous.Http.GetAsync($"/v1/locks?context={ctx}"),
            await _anonymous.Http.GetAsync($"/v1/locks/{ctx}/job/fence/1"),
            await _anonymous.Http.GetAsync("/v1/events"),
            await _anonymous.Http.GetAsync("/v1/cluster"),
        })
        {
            await ProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.NotEmpty(response.Headers.WwwAuthenticate);
        }
        Assert.Equal("a", (await _locker.ReadAsync(ctx, "job"))!.Owner);
    }

    [Fact]
    public async Task Wrong_password_gets_401_not_anonymous_access()
    {
        using var response = await server.As(DmsUsers.NoRole, "wrong").AcquireAsync(NewContext(), "job", new { owner = "x" });

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Monitor_cannot_acquire_and_gets_403_problem()
    {
        var problem = await ProblemAsync(await _monitor.AcquireAsync(NewContext(), "job", new { owner = "m" }), HttpStatusCode.Forbidden);

        Assert.Equal(403, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Lock_user_acquires_reads_extends_checks_and_releases()
    {
        var ctx = NewContext();
        var grant = await _locker.GrantAsync(ctx, "job", new { owner = "a" });

        Assert.Equal("a", (await _locker.ReadAsync(ctx, "job"))!.Owner);
        using var extended = await _locker.Http.PostAsJsonAsync($"/v1/locks/{ctx}/job/extend", new { handle = grant.Handle, ttlMs = 60000 }, Json);
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        var fence = await _locker.Http.GetFromJsonAsync<FenceCheck>($"/v1/locks/{ctx}/job/fence/{grant.FencingToken}", Json);
        Assert.True(fence!.IsCurrent);
        Assert.Equal(HttpStatusCode.NoContent, (await _locker.ReleaseAsync(ctx, "job", grant.Handle)).StatusCode);
        Assert.Null(await _locker.ReadAsync(ctx, "job"));
    }

    [Fact]
    public async Task Monitor_reads_and_lists_but_a_user_without_roles_gets_403()
    {
        var ctx = NewContext();
        await _locker.GrantAsync(ctx, "job", new { owner = "a" });
        var nobody = server.As(DmsUsers.NoRole, DmsUsers.Password);

        Assert.Equal("a", (await _monitor.ReadAsync(ctx, "job"))!.Owner);
        var page = await _monitor.Http.GetFromJsonAsync<LockPage>($"/v1/locks?context={ctx}", Json);
        Assert.Equal(["a"], page!.Items.Select(i => i.Owner));
        await ProblemAsync(await nobody.GetAsync(ctx, "job"), HttpStatusCode.Forbidden);
        await ProblemAsync(await nobody.Http.GetAsync("/v1/events"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Event_reader_may_watch()
    {
        var reader = server.As(DmsUsers.Reader, DmsUsers.Password);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/events");

        using var response = await reader.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Another_user_with_the_handle_gets_409_and_the_lock_stays_held()
    {
        var ctx = NewContext();
        var grant = await _locker.GrantAsync(ctx, "job", new { owner = "a" });

        using var extend = await _otherLocker.Http.PostAsJsonAsync($"/v1/locks/{ctx}/job/extend", new { handle = grant.Handle, ttlMs = 60000 }, Json);
        await ProblemAsync(extend, HttpStatusCode.Conflict);
        await ProblemAsync(await _otherLocker.ReleaseAsync(ctx, "job", grant.Handle), HttpStatusCode.Conflict);

        var held = await _locker.ReadAsync(ctx, "job");
        Assert.Equal(("a", grant.FencingToken), (held!.Owner, held.FencingToken));
        Assert.Equal(HttpStatusCode.NoContent, (await _locker.ReleaseAsync(ctx, "job", grant.Handle)).StatusCode);
    }

    [Fact]
    public async Task Force_release_needs_admin()
    {
        var ctx = NewContext();
        await _locker.GrantAsync(ctx, "job", new { owner = "a" });

        await ProblemAsync(await _locker.Http.DeleteAsync($"/v1/locks/{ctx}/job?force=true"), HttpStatusCode.Forbidden);
        Assert.NotNull(await _locker.ReadAsync(ctx, "job"));
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.Http.DeleteAsync($"/v1/locks/{ctx}/job?force=true")).StatusCode);
        Assert.Null(await _locker.ReadAsync(ctx, "job"));
    }
}
