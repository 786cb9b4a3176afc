using System.Net;
using System.Text;
using System.Text.Json;

namespace AkkaLocks.Server.Tests.Limits;

/// <summary>A v1 body declared over AkkaLocks:Limits:MaxRequestBodyBytes (10,000 bytes here) is a 413 problem; nothing is locked.</summary>
[Collection(LimitedServerCollection.Name)]
public sealed class RequestBodyLimitTests(LimitedServerFactory server)
{
    [Fact]
    public async Task V1_body_over_the_limit_is_a_413_problem_and_locks_nothing()
    {
        using var http = server.CreateClient();
        var body = JsonSerializer.Serialize(new { owner = "big", data = new { blob = new string('x', 20_000) } });

        using var response = await http.PutAsync("/v1/locks/limits/big-body", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("MaxRequestBodyBytes", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/v1/locks/limits/big-body")).StatusCode);
    }

    [Fact]
    public async Task Esoco_keeps_its_own_400_for_an_oversized_body()
    {
        using var http = server.CreateClient();

        using var response = await http.PostAsync("/api/sync/request_lock", new StringContent(new string(' ', 80_000)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
