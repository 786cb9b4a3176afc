using System.Net;
using AkkaLocks.Server.Tests.Dms;

namespace AkkaLocks.Server.Tests.Auth;

/// <summary>Token expiry and the login lockout, on a manual clock: expired tokens are refused on JSON-RPC and REST alike.</summary>
public sealed class TokenAndLockoutTests(SecureServerFactory server) : IClassFixture<SecureServerFactory>
{
    private readonly DmsClient _dms = DmsClient.For(server);

    [Fact]
    public async Task Expired_token_is_refused_with_32004_and_401_and_cannot_be_refreshed()
    {
        var token = await _dms.LoginAsync(DmsUsers.Admin, DmsUsers.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await AuthenticatedHttp.Bearer(server, token).GetAsync("/api/status/uptime")).StatusCode);

        server.Clock.Advance(SecureServerFactory.TokenLifetime + TimeSpan.FromSeconds(1));

        Assert.Equal(-32004, await _dms.ErrorCodeAsync(DmsClient.Locks, "GetLocks", token));
        Assert.Equal(-32004, await _dms.ErrorCodeAsync(DmsClient.Locks, "RefreshToken", token));
        Assert.Equal(-32004, await _dms.ErrorCodeAsync(DmsClient.Events, "GetQueueSize", token, "synchutils.lock.x"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await AuthenticatedHttp.Bearer(server, token).GetAsync("/api/status/uptime")).StatusCode);
    }

    [Fact]
    public async Task Refreshed_token_outlives_the_one_it_replaced()
    {
        var token = await _dms.LoginAsync(DmsUsers.Monitor, DmsUsers.Password);
        server.Clock.Advance(SecureServerFactory.TokenLifetime / 2);
        var refreshed = (await _dms.ResultAsync(DmsClient.Locks, "RefreshToken", token))!["token"]!.GetValue<string>();

        server.Clock.Advance(SecureServerFactory.TokenLifetime / 2 + TimeSpan.FromSeconds(1));

        Assert.Equal(-32004, await _dms.ErrorCodeAsync(DmsClient.Locks, "GetLocks", token));
        Assert.NotNull((await _dms.ResultAsync(DmsClient.Locks, "GetLocks", refreshed))!["locks"]);
    }

    [Fact]
    public async Task Three_failed_logins_in_a_row_lock_the_user_out_for_a_while()
    {
        for (var i = 0; i < 3; i++)
            Assert.Equal(-32001, await _dms.ErrorCodeAsync(DmsClient.Locks, "Login", DmsUsers.Reader, "wrong"));

        Assert.Equal(-32002, await _dms.ErrorCodeAsync(DmsClient.Locks, "Login", DmsUsers.Reader, DmsUsers.Password));

        server.Clock.Advance(SecureServerFactory.LockoutDuration + TimeSpan.FromSeconds(1));

        Assert.False(string.IsNullOrEmpty(await _dms.LoginAsync(DmsUsers.Reader, DmsUsers.Password)));
    }

    [Fact]
    public async Task A_success_resets_the_count_of_failures()
    {
        for (var i = 0; i < 2; i++) await _dms.ErrorCodeAsync(DmsClient.Locks, "Login", DmsUsers.OtherLocker, "wrong");
        await _dms.LoginAsync(DmsUsers.OtherLocker, DmsUsers.Password);
        for (var i = 0; i < 2; i++) await _dms.ErrorCodeAsync(DmsClient.Locks, "Login", DmsUsers.OtherLocker, "wrong");

        Assert.False(string.IsNullOrEmpty(await _dms.LoginAsync(DmsUsers.OtherLocker, DmsUsers.Password)));
    }
}
