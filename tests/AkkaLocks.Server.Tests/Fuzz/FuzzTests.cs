using System.Net;
using System.Text;
using System.Text.Json;
using AkkaLocks.Server.Tests.Esoco;
using CsCheck;

namespace AkkaLocks.Server.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of the lock surfaces through the real server: whatever the body, the answer is never a
/// 5xx, an esoco answer stays within the codes its Java client knows, and a refused request changes no lock.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class FuzzTests(AkkaLocksServerFactory server)
{
    private const int Iterations = 300;

    [Fact]
    public async Task Esoco_sync_api_answers_any_body_with_a_known_non_5xx_code_and_refusals_change_nothing()
    {
        using var http = server.CreateClient();
        var context = "fuzz-" + Guid.NewGuid().ToString("N")[..8];
        var bodies = Gen.OneOf(FuzzBodies.Objects("client", "context", "target", "force", "ttl", "data"), FuzzBodies.Garbage)
            .Select(body => body.Replace("\"context\":\"", $"\"context\":\"{context}"));

        await bodies.SampleAsync(async body =>
        {
            foreach (var operation in new[] { "request_lock", "check_lock", "release_lock" })
            {
                var response = await http.PostAsync($"/api/sync/{operation}", new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));
                var status = (int)response.StatusCode;
                Assert.True(status < 500, $"{operation} answered {status} to {Shorten(body)}");
                EsocoStatusCodes.AssertUnderstood(status, "POST", $"/api/sync/{operation}");
            }
        }, iter: Iterations, threads: 1);

        // Whatever was granted was released by the release_lock of the same body, or by nothing: check by force.
        await ResetAsync(http, context);
    }

    [Fact]
    public async Task Native_acquire_answers_any_body_with_a_4xx_problem_or_a_grant_and_never_a_5xx()
    {
        using var http = server.CreateClient();
        var names = Gen.OneOf(Gen.Const("lock-1"), Gen.Const("bad%20name"), Gen.Const(new string('n', 300)), Gen.Const("%C3%BC"));
        var cases = Gen.Select(names, Gen.OneOf(FuzzBodies.Objects("owner", "ttlMs", "waitMs", "data", "requestId"), FuzzBodies.Garbage));

        await cases.SampleAsync(async (name, body) =>
        {
            var response = await http.PutAsync($"/v1/locks/fuzz/{name}", new StringContent(body, Encoding.UTF8, "application/json"));
            var status = (int)response.StatusCode;
            Assert.True(status < 500, $"PUT /v1/locks/fuzz/{name} answered {status} to {Shorten(body)}");
            if (status == 200)
            {
                var handle = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("handle").GetString();
                (await http.DeleteAsync($"/v1/locks/fuzz/{name}?handle={handle}")).EnsureSuccessStatusCode();
            }
            else
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }, iter: Iterations, threads: 1);

        var listing = await http.GetStringAsync("/v1/locks?context=fuzz");
        Assert.Equal(0, JsonDocument.Parse(listing).RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Server_keeps_serving_after_the_fuzzing()
    {
        using var http = server.CreateClient();
        await http.PostAsync("/api/sync/request_lock", new StringContent("{\"client\":", Encoding.UTF8));

        var response = await http.GetAsync("/ping");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task ResetAsync(HttpClient http, string context)
    {
        var locks = JsonDocument.Parse(await http.GetStringAsync("/api/status/current_locks")).RootElement;
        if (!locks.TryGetProperty(context, out var held)) return;
        foreach (var target in held.EnumerateObject())
        {
            var body = JsonSerializer.Serialize(new { client = "fuzz-reset", context, target = target.Name, force = true });
            (await http.PostAsync("/api/sync/release_lock", new StringContent(body))).EnsureSuccessStatusCode();
        }
    }

    private static string Shorten(string body) => body.Length > 200 ? body[..200] + "…" : body;
}
