using System.Net;
using System.Text.Json;

namespace AkkaLocks.Server.Tests.Limits;

/// <summary>
/// With AkkaLocks:Limits:RequestsPerSecond set (2 here, burst 2), a client sending faster gets 429 with Retry-After and
/// a problem body; probes are never limited.
/// </summary>
public sealed class RateLimitTests(RateLimitedServerFactory server) : IClassFixture<RateLimitedServerFactory>
{
    [Fact]
    public async Task Client_over_its_request_rate_gets_429_with_retry_after_and_a_problem()
    {
        using var http = server.CreateClient();

        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++) statuses.Add(await http.GetAsync("/v1/locks"));

        var refused = statuses.FirstOrDefault(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("RequestsPerSecond", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
        statuses.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task Probes_are_never_rate_limited()
    {
        using var http = server.CreateClient();

        for (var i = 0; i < 6; i++) Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/ping")).StatusCode);
    }
}
