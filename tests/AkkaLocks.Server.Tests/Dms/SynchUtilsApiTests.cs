using System.Text.Json.Nodes;
using AkkaLocks.Server.Tests.Esoco;

namespace AkkaLocks.Server.Tests.Dms;

/// <summary>/synchutilsrpc over real HTTP: every method, ownership by user, roles, and the same locks as the esoco API.</summary>
public sealed class SynchUtilsApiTests(DmsServerFactory server) : IClassFixture<DmsServerFactory>
{
    private readonly DmsClient _dms = DmsClient.For(server);
    private readonly EsocoClient _esoco = EsocoClient.For(server);

    [Fact]
    public async Task Login_returns_a_token_and_the_container_version()
    {
        var result = await _dms.ResultAsync(DmsClient.Locks, "Login", DmsUsers.Admin, DmsUsers.AdminPassword);

        Assert.False(string.IsNullOrEmpty(result!["token"]!.GetValue<string>()));
        Assert.Contains("AkkaLocks", result["dmscontainerversion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_with_a_wrong_password_or_unknown_user_is_refused()
    {
        Assert.Equal(-32001, await _dms.ErrorCodeAsync(DmsClient.Locks, "Login", DmsUsers.Monitor, "wrong"));
        Assert.Equal(-32001, await _dms.ErrorCodeAsync(DmsClient.Locks, "Login", "no-such-user", DmsUsers.Password));
    }

    [Fact]
    public async Task RefreshToken_returns_a_new_working_token()
    {
        var token = await _dms.LoginAsync(DmsUsers.Locker, DmsUsers.Password);

        var refreshed = (await _dms.ResultAsync(DmsClient.Locks, "RefreshToken", token))!["token"]!.GetValue<string>();

        Assert.NotEqual(token, refreshed);
        Assert.NotEqual("error", await _dms.TryAcquireAsync(refreshed, DmsClient.NewIdentifier()));
    }

    [Fact]
    public async Task TryAcquireLock_grants_a_free_lock_and_answers_error_while_anyone_holds_it()
    {
        var locker = await _dms.LoginAsync(DmsUsers.Locker, DmsUsers.Password);
        var other = await _dms.LoginAsync(DmsUsers.OtherLocker, DmsUsers.Password);
        var id = DmsClient.NewIdentifier();

        var handle = await _dms.TryAcquireAsync(locker, id);
        var again = await _dms.TryAcquireAsync(locker, id);
        var byOther = await _dms.TryAcquireAsync(other, id);

        Assert.NotEqual("error", handle);
        Assert.True(handle.Length >= 32);
        Assert.Equal("error", again);
        Assert.Equal("error", byOther);
    }

    [Fact]
    public async Task ReleaseLock_frees_the_lock_once_and_only_for_its_owner()
    {
        var locker = await _dms.LoginAsync(DmsUsers.Locker, DmsUsers.Password);
        var other = await _dms.LoginAsync(DmsUsers.OtherLocker, DmsUsers.Password);
        var id = DmsClient.NewIdentifier();
        var handle = await _dms.TryAcquireAsync(locker, id);

        Assert.False(await _dms.ReleaseAsync(other, handle));
        Assert.True(await _dms.ExpirationAsync(locker, id) > 0);
        Assert.True(await _dms.ReleaseAsync(locker, handle));
        Assert.False(await _dms.ReleaseAsync(locker, handle));
        Assert.Equal(-1, await _dms.ExpirationAsync(locker, id));
    }

    [Fact]
    public async Task ExtendLock_restarts_the_ttl_for_the_owner_only()
    {
        var locker = await _dms.LoginAsync(DmsUsers.Locker, DmsUsers.Password);
        var other = await _dms.LoginAsync(DmsUsers.OtherLocker, DmsUsers.Password);
        var id = DmsClient.NewIdentifier();
        var handle = await _dms.TryAcquireAsync(locker, id, ttlSeconds: 10);

        Assert.False(await _dms.ExtendAsync(other, 600, handle));
        Assert.True(await _dms.ExpirationAsync(locker, id) <= 10);
        Assert.True(await _dms.ExtendAsync(locker, 600, handle));
        Assert.InRange(await _dms.ExpirationAsync(locker, id), 590, 600);
    }

    [Theory]
    [InlineData("not-a-handle")]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456789abcdef.!!!")]
    [InlineData("0123456789abcdef0123456789abcdef.bm9wZQ")]
    public async Task Unknown_or_malformed_handles_answer_false(string handle)
    {
        var locker = await _dms.LoginAsync(DmsUsers.Locker, DmsUsers.Password);

        Assert.False(await _dms.ReleaseAsync(locker, handle));
        Assert.False(await _dms.ExtendAsync(locker, 30, handle));
    }

    [Fact]
    public async Task GetLockData_returns_the_data_and_time_left_or_minus_one_when_free()
    {
        var locker = await _dms.LoginAsync(DmsUsers.Locker, DmsUsers.Password);
        var id = DmsClient.NewIdentifier();
        var free = await _dms.ResultAsync(DmsClient.Locks, "GetLockData", locker, id);
        await _dms.TryAcquireAsync(locker, id, 60, new { job = "nightly", step = 3 });

        var held = await _dms.ResultAsync(DmsClient.Locks, "GetLockData", locker, id);

        Assert.Equal(-1, free!["expires_in"]!.GetValue<long>());
        Assert.InRange(held!["expires_in"]!.GetValue<long>(), 55, 60);
        Assert.Equal("nightly", held["lock_data"]!["job"]!.GetValue<string>());
        Assert.Equal(3, held["lock_data"]!["step"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetExclusiveLockQueueName_is_stable_per_identifier()
    {
        var locker = await _dms.LoginAsync(DmsUsers.Locker, DmsUsers.Password);
        var id = DmsClient.NewIdentifier();

        var first = (await _dms.ResultAsync(DmsClient.Locks, "GetExclusiveLockQueueName", locker, id))!.GetValue<string>();
        var second = (await _dms.ResultAsync(DmsClient.Locks, "GetExclusiveLockQueueName", locker, id))!.GetValue<string>();
        var otherLock = (await _dms.ResultAsync(DmsClient.Locks, "GetExclusiveLockQueueName", locker, id + "x"))!.GetValue<string>();

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherLock);
    }

    [Fact]
    public async Task GetLocks_lists_held_locks_for_admin_and_monitor_only()
    {
        var locker = await _dms.LoginAsync(DmsUsers.Locker, DmsUsers.Password);
        var monitor = await _dms.LoginAsync(DmsUsers.Monitor, DmsUsers.Password);
        var admin = await _dms.LoginAsync(DmsUsers.Admin, DmsUsers.AdminPassword);
        var id = DmsClient.NewIdentifier();
        await _dms.TryAcquireAsync(locker, id, 60);

        var byMonitor = (await _dms.ResultAsync(DmsClient.Locks, "GetLocks", monitor))!["locks"]!.AsArray();
        var byAdmin = (await _dms.ResultAsync(DmsClient.Locks, "GetLocks", admin))!["locks"]!.AsArray();

        var listed = Assert.Single(byMonitor, l => l!["identifier"]!.GetValue<string>() == id);
        Assert.InRange(listed!["expires_in"]!.GetValue<long>(), 55, 60);
        Assert.Contains(byAdmin, l => l!["identifier"]!.GetValue<string>() == id);
        Assert.Equal(-32003, await _dms.ErrorCodeAsync(DmsClient.Locks, "GetLocks", locker));
    }

    [Fact]
    public async Task Lock_methods_need_the_lock_role()
    {
        var nobody = await _dms.LoginAsync(DmsUsers.NoRole, DmsUsers.Password);
        var monitor = await _dms.LoginAsync(DmsUsers.Monitor, DmsUsers.Password);

        Assert.Equal(-32003, await _dms.ErrorCodeAsync(DmsClient.Locks, "TryAcquireLock", nobody, DmsClient.NewIdentifier(), 30, new { }));
        Assert.Equal(-32003, await _dms.ErrorCodeAsync(DmsClient.Locks, "TryAcquireLock", monitor, DmsClient.NewIdentifier(), 30, new { }));
        Assert.Equal(-32003, await _dms.ErrorCodeAsync(DmsClient.Locks, "GetLockData", nobody, DmsClient.NewIdentifier()));
    }

    [Fact]
    public async Task Every_method_refuses_a_forged_token_with_32004()
    {
        const string forged = "CfDJ8-not-a-real-token";
        var id = DmsClient.NewIdentifier();

        Assert.Equal(-32004, await _dms.ErrorCodeAsync(DmsClient.Locks, "RefreshToken", forged));
        Assert.Equal(-32004, await _dms.ErrorCodeAsync(DmsClient.Locks, "TryAcquireLock", forged, id, 30, new { }));
        Assert.Equal(-32004, await _dms.ErrorCodeAsync(DmsClient.Locks, "ExtendLock", forged, 30, "h"));
        Assert.Equal(-32004, await _dms.ErrorCodeAsync(DmsClient.Locks, "ReleaseLock", forged, "h"));
        Assert.Equal(-32004, await _dms.ErrorCodeAsync(DmsClient.Locks, "GetLockData", forged, id));
        Assert.Equal(-32004, await _dms.ErrorCodeAsync(DmsClient.Locks, "GetLockExpiration", forged, id));
        Assert.Equal(-32004, await _dms.ErrorCodeAsync(DmsClient.Locks, "GetExclusiveLockQueueName", forged, id));
        Assert.Equal(-32004, await _dms.ErrorCodeAsync(DmsClient.Locks, "GetLocks", forged));
    }

    [Fact]
    public async Task Named_params_in_any_case_and_snake_case_method_names_are_accepted()
    {
        var token = await _dms.LoginAsync(DmsUsers.Locker, DmsUsers.Password);
        var id = DmsClient.NewIdentifier();
        var body = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["method"] = "try_acquire_lock",
            ["params"] = new JsonObject { ["Token"] = token, ["lockidentifier"] = id, ["lockTTL"] = 30, ["lockData"] = new JsonObject() },
            ["id"] = "request-7",
        };

        var answer = await _dms.PostAsync(DmsClient.Locks, body.ToJsonString());

        Assert.Equal("request-7", answer["id"]!.GetValue<string>());
        Assert.NotEqual("error", answer["result"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_lock_taken_through_json_rpc_is_held_for_esoco_clients()
    {
        var locker = await _dms.LoginAsync(DmsUsers.Locker, DmsUsers.Password);
        var id = DmsClient.NewIdentifier();
        await _dms.TryAcquireAsync(locker, id);

        Assert.True(await _esoco.IsLockedAsync("default", id));
        Assert.Equal(423, (await _esoco.RequestLockAsync("esoco-client", "default", id)).Status);
        // Not even the same owner name without the user's credentials may release it.
        Assert.Equal(409, (await _esoco.ReleaseLockAsync(DmsUsers.Locker, "default", id)).Status);
        Assert.StartsWith(DmsUsers.Locker + "[", await _esoco.HolderAsync("default", id));
    }

    [Fact]
    public async Task A_lock_taken_through_esoco_is_held_for_json_rpc_clients()
    {
        var locker = await _dms.LoginAsync(DmsUsers.Locker, DmsUsers.Password);
        var id = DmsClient.NewIdentifier();
        Assert.Equal(200, (await _esoco.RequestLockAsync("esoco-client", "default", id, false, "\"ttl\": 60")).Status);

        Assert.Equal("error", await _dms.TryAcquireAsync(locker, id));
        Assert.InRange(await _dms.ExpirationAsync(locker, id), 55, 60);

        Assert.Equal(200, (await _esoco.ReleaseLockAsync("esoco-client", "default", id)).Status);
        Assert.NotEqual("error", await _dms.TryAcquireAsync(locker, id));
    }

    [Fact]
    public async Task On_the_open_loopback_esoco_api_wrong_credentials_are_refused_and_right_ones_identify_the_user()
    {
        var id = DmsClient.NewIdentifier();
        var wrong = new EsocoClient(Auth.AuthenticatedHttp.Basic(server, DmsUsers.Locker, "wrong"));
        var locker = new EsocoClient(Auth.AuthenticatedHttp.Basic(server, DmsUsers.Locker, DmsUsers.Password));

        Assert.Equal(401, (await wrong.RequestLockAsync("client", "default", id)).Status);
        Assert.Equal(200, (await locker.RequestLockAsync("client", "default", id)).Status);
        // The lock answers to its user: the same client id without credentials cannot release it.
        Assert.Equal(409, (await _esoco.ReleaseLockAsync("client", "default", id)).Status);
        Assert.Equal(200, (await locker.ReleaseLockAsync("client", "default", id)).Status);
    }
}
