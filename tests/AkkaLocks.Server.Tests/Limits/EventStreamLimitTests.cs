using System.Net;
using System.Text.Json;
using AkkaLocks.Server.Tests.Esoco;

namespace AkkaLocks.Server.Tests.Limits;

/// <summary>
/// At most AkkaLocks:Limits:MaxEventStreams (2 here) /v1/events streams at once: one more is a 503 problem with
/// Retry-After, and a stream that ends gives its slot back.
/// </summary>
[Collection(LimitedServerCollection.Name)]
public sealed class EventStreamLimitTests(LimitedServerFactory server)
{
    [Fact]
    public async Task Stream_over_the_limit_is_refused_with_503_and_a_closed_stream_frees_its_slot()
    {
        using var http = server.CreateClient();
        var first = await OpenAsync(http);
        using var second = await OpenAsync(http);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        using (var refused = await OpenAsync(http))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.True(refused.Headers.RetryAfter is not null, "a refused stream says when to retry");
            var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(LimitedServerFactory.MaxEventStreams, problem.GetProperty("limit").GetInt32());
        }

        first.Dispose();   // the client hangs up: the server ends that stream and frees its slot

        Assert.True(await Eventually.TrueAsync(async () =>
        {
            using var again = await OpenAsync(http);
            return again.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(10)), "a closed stream's slot must come back");
    }

    private static Task<HttpResponseMessage> OpenAsync(HttpClient http) =>
        http.GetAsync("/v1/events", HttpCompletionOption.ResponseHeadersRead);
}
