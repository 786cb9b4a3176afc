using System.Net;

namespace AkkaLocks.EndToEnd.Tests;

/// <summary>esoco <c>/api/sync</c> calls in context "e2e", asserting the status, for tests against real server processes.</summary>
public static class EsocoCalls
{
    /// <summary>Requests a lock and returns the fencing token AkkaLocks adds as a header (0 if none).</summary>
    public static async Task<long> RequestLockAsync(ServerProcess server, string client, string target, HttpStatusCode expected, int? ttlSeconds = null)
    {
        var ttl = ttlSeconds is { } t ? $", \"ttl\": {t}" : "";
        using var response = await server.PostJsonAsync("/api/sync/request_lock", $"{{\"client\": \"{client}\", \"context\": \"e2e\", \"target\": \"{target}\"{ttl}}}");
        Assert.Equal(expected, response.StatusCode);
        return response.Headers.TryGetValues("X-Fencing-Token", out var values) ? long.Parse(values.Single()) : 0;
    }

    public static async Task ReleaseLockAsync(ServerProcess server, string client, string target, HttpStatusCode expected)
    {
        using var response = await server.PostJsonAsync("/api/sync/release_lock", $"{{\"client\": \"{client}\", \"context\": \"e2e\", \"target\": \"{target}\"}}");
        Assert.Equal(expected, response.StatusCode);
    }
}
