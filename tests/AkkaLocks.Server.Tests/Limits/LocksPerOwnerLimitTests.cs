using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AkkaLocks.Server.Tests.Dms;

namespace AkkaLocks.Server.Tests.Limits;

/// <summary>
/// One owner may hold at most AkkaLocks:Limits:MaxLocksPerOwner locks (3 here): the engine refuses one more, and each
/// surface says so in its own protocol's shape. The refusal changes nothing, and releasing a lock makes room again.
/// </summary>
[Collection(LimitedServerCollection.Name)]
public sealed class LocksPerOwnerLimitTests(LimitedServerFactory server)
{
    private readonly HttpClient _http = server.CreateClient();

    [Fact]
    public async Task V1_acquire_over_the_owners_limit_is_a_429_problem_naming_the_limit()
    {
        var owner = "v1-" + Guid.NewGuid().ToString("N")[..8];
        var handles = new List<string>();
        for (var i = 0; i < LimitedServerFactory.MaxLocksPerOwner; i++)
            handles.Add(await GrantV1Async(owner, $"lock{i}"));

        using var refused = await _http.PutAsJsonAsync("/v1/locks/limits/one-more", new { owner });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(LimitedServerFactory.MaxLocksPerOwner, problem.GetProperty("limit").GetInt32());
        Assert.Contains("release some first", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/v1/locks/limits/one-more")).StatusCode);
    }

    [Fact]
    public async Task Releasing_a_lock_makes_room_for_another()
    {
        var owner = "room-" + Guid.NewGuid().ToString("N")[..8];
        var first = await GrantV1Async(owner, $"{owner}-0");
        for (var i = 1; i < LimitedServerFactory.MaxLocksPerOwner; i++) await GrantV1Async(owner, $"{owner}-{i}");
        (await _http.DeleteAsync($"/v1/locks/limits/{owner}-0?handle={first}")).EnsureSuccessStatusCode();

        using var granted = await _http.PutAsJsonAsync($"/v1/locks/limits/{owner}-new", new { owner });

        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
    }

    [Fact]
    public async Task Other_owners_are_not_held_back_by_one_at_its_limit()
    {
        var owner = "full-" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < LimitedServerFactory.MaxLocksPerOwner; i++) await GrantV1Async(owner, $"{owner}-{i}");

        using var other = await _http.PutAsJsonAsync($"/v1/locks/limits/{owner}-other", new { owner = owner + "-someone-else" });

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Esoco_request_over_the_clients_limit_is_a_400_and_locks_nothing()
    {
        var client = "esoco-" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < LimitedServerFactory.MaxLocksPerOwner; i++)
            Assert.Equal(HttpStatusCode.OK, (await RequestEsocoAsync(client, $"t{i}")).StatusCode);

        using var refused = await RequestEsocoAsync(client, "one-more");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("the most one client may hold", await refused.Content.ReadAsStringAsync());
        using var check = await _http.PostAsync("/api/sync/check_lock", Body(client, "one-more"));
        Assert.Equal("false", await check.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Dms_try_acquire_over_the_users_limit_is_a_json_rpc_error()
    {
        var dms = DmsClient.For(server);
        var token = await dms.LoginAsync(DmsUsers.Locker, DmsUsers.Password);
        for (var i = 0; i < LimitedServerFactory.MaxLocksPerOwner; i++)
            Assert.NotEqual("error", await dms.TryAcquireAsync(token, DmsClient.NewIdentifier()));

        var code = await dms.ErrorCodeAsync(DmsClient.Locks, "TryAcquireLock", token, DmsClient.NewIdentifier(), 30);

        Assert.Equal(-32005, code);
    }

    private async Task<string> GrantV1Async(string owner, string name)
    {
        using var response = await _http.PutAsJsonAsync($"/v1/locks/limits/{name}", new { owner });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("handle").GetString()!;
    }

    private Task<HttpResponseMessage> RequestEsocoAsync(string client, string target) =>
        _http.PostAsync("/api/sync/request_lock", Body(client, target));

    private static StringContent Body(string client, string target) =>
        new(JsonSerializer.Serialize(new { client, context = "limits-esoco", target }));
}
