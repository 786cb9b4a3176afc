using System.Net;
using AkkaLocks.Server.Tests.Dms;
using AkkaLocks.Server.Tests.Esoco;

namespace AkkaLocks.Server.Tests.Auth;

/// <summary>
/// The esoco surfaces in secure mode: control needs admin, status and listings monitor, sync the lock role;
/// probes stay open; missing and insufficient credentials both answer 401 (esoco's client throws on 403).
/// </summary>
public sealed class SecureEsocoApiTests(SecureServerFactory server) : IClassFixture<SecureServerFactory>
{
    [Theory]
    [InlineData("/ping")]
    [InlineData("/healthcheck")]
    [InlineData("/info")]
    public async Task Probes_stay_open(string path)
    {
        Assert.Equal(HttpStatusCode.OK, (await server.CreateClient().GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData("/api/control/log_level", DmsUsers.Admin, true)]
    [InlineData("/api/control/log_level", DmsUsers.Monitor, false)]
    [InlineData("/api/control/log_level", null, false)]
    [InlineData("/api/status/uptime", DmsUsers.Monitor, true)]
    [InlineData("/api/status/current_locks", DmsUsers.Monitor, true)]
    [InlineData("/api/status/current_locks", DmsUsers.Admin, true)]
    [InlineData("/api/sync/current_locks", DmsUsers.Monitor, true)]
    [InlineData("/api/status/current_locks", DmsUsers.Locker, false)]
    [InlineData("/api/status/uptime", null, false)]
    [InlineData("/webapi", DmsUsers.Monitor, true)]
    [InlineData("/webapi", DmsUsers.Locker, false)]
    public async Task Reads_need_the_role_and_answer_401_otherwise(string path, string? user, bool allowed)
    {
        var http = user is null ? server.CreateClient() : AuthenticatedHttp.Basic(server, user, PasswordOf(user));

        var answer = await http.GetAsync(path);

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, answer.StatusCode);
        if (!allowed) Assert.NotEmpty(answer.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task Json_rpc_token_works_as_a_bearer_token_and_a_forged_one_does_not()
    {
        var token = await DmsClient.For(server).LoginAsync(DmsUsers.Admin, DmsUsers.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, (await AuthenticatedHttp.Bearer(server, token).GetAsync("/api/control/log_level")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AuthenticatedHttp.Bearer(server, token + "x").GetAsync("/api/control/log_level")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AuthenticatedHttp.Basic(server, DmsUsers.Admin, "wrong").GetAsync("/api/control/log_level")).StatusCode);
    }

    [Fact]
    public async Task Sync_needs_the_lock_role_and_forcing_needs_admin()
    {
        var context = EsocoClient.NewContext();
        var anonymous = EsocoClient.For(server);
        var locker = new EsocoClient(AuthenticatedHttp.Basic(server, DmsUsers.Locker, DmsUsers.Password));
        var monitor = new EsocoClient(AuthenticatedHttp.Basic(server, DmsUsers.Monitor, DmsUsers.Password));
        var admin = new EsocoClient(AuthenticatedHttp.Basic(server, DmsUsers.Admin, DmsUsers.AdminPassword));

        Assert.Equal(401, (await anonymous.RequestLockAsync("A", context, "T")).Status);
        Assert.Equal(401, (await monitor.RequestLockAsync("A", context, "T")).Status);
        Assert.Equal(200, (await locker.RequestLockAsync("A", context, "T")).Status);
        Assert.Equal(401, (await locker.RequestLockAsync("B", context, "T", force: true)).Status);
        Assert.Equal(401, (await locker.ReleaseLockAsync("B", context, "T", force: true)).Status);
        Assert.Equal(200, (await admin.ReleaseLockAsync("B", context, "T", force: true)).Status);
    }

    [Fact]
    public async Task An_esoco_lock_answers_only_to_the_user_who_took_it()
    {
        var context = EsocoClient.NewContext();
        var locker = new EsocoClient(AuthenticatedHttp.Basic(server, DmsUsers.Locker, DmsUsers.Password));
        var other = new EsocoClient(AuthenticatedHttp.Basic(server, DmsUsers.OtherLocker, DmsUsers.Password));
        await locker.RequestLockAsync("shared-client-id", context, "T");

        Assert.Equal(423, (await other.RequestLockAsync("shared-client-id", context, "T")).Status);
        Assert.Equal(409, (await other.ReleaseLockAsync("shared-client-id", context, "T")).Status);
        Assert.Equal(200, (await locker.ReleaseLockAsync("shared-client-id", context, "T")).Status);
    }

    private static string PasswordOf(string user) => user == DmsUsers.Admin ? DmsUsers.AdminPassword : DmsUsers.Password;
}
