using System.Net;
using System.Text;

namespace AkkaLocks.Server.Tests;

public sealed class ServerSmokeTests(AkkaLocksServerFactory server) : IClassFixture<AkkaLocksServerFactory>
{
    [Fact]
    public async Task Lock_requested_over_esoco_api_is_granted_then_listed()
    {
        using var client = server.CreateClient();
        var body = new StringContent("""{"client":"smoke","context":"smoke","target":"T1"}""", Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await client.PostAsync("/api/sync/request_lock", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"T1\": \"smoke[", await client.GetStringAsync("/api/sync/current_locks"));
    }
}
