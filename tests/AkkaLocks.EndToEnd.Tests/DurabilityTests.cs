using System.Net;

namespace AkkaLocks.EndToEnd.Tests;

/// <summary>What was acknowledged survives the process: kill -9, graceful stop, and restart on the same data directory.</summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task Held_locks_and_fencing_tokens_survive_kill_9_and_expired_ones_are_gone()
    {
        using var data = new TemporaryDirectory();
        long heldToken;
        await using (var server = await ServerProcess.StartAsync(data.Path))
        {
            await RequestLockAsync(server, "A", "held", HttpStatusCode.OK);
            heldToken = await RequestLockAsync(server, "A", "cycled", HttpStatusCode.OK);
            await ReleaseLockAsync(server, "A", "cycled", HttpStatusCode.OK);
            heldToken = Math.Max(heldToken, await RequestLockAsync(server, "A", "cycled", HttpStatusCode.OK));
            await RequestLockAsync(server, "A", "short", HttpStatusCode.OK, ttlSeconds: 1);
            await server.KillAsync();
        }

        await using var restarted = await ServerProcess.StartAsync(data.Path);
        var locks = await restarted.Http.GetStringAsync("/api/status/current_locks");

        Assert.Contains("\"held\": \"A[127.0.0.1]", locks);
        Assert.Contains("\"cycled\": \"A[127.0.0.1]", locks);
        Assert.DoesNotContain("\"short\"", locks);
        await RequestLockAsync(restarted, "B", "cycled", HttpStatusCode.Locked);
        await ReleaseLockAsync(restarted, "A", "cycled", HttpStatusCode.OK);
        var next = await RequestLockAsync(restarted, "B", "cycled", HttpStatusCode.OK);
        Assert.Equal(heldToken + 1, next);
    }

    [Fact]
    public async Task Control_run_false_stops_the_service_gracefully_and_keeps_its_locks()
    {
        using var data = new TemporaryDirectory();
        await using (var server = await ServerProcess.StartAsync(data.Path))
        {
            await RequestLockAsync(server, "A", "kept", HttpStatusCode.OK);

            var stop = await server.PostJsonAsync("/api/control/run", "false");

            Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
            Assert.Equal(0, await server.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        }

        await using var restarted = await ServerProcess.StartAsync(data.Path);
        Assert.Contains("\"kept\": \"A[", await restarted.Http.GetStringAsync("/api/status/current_locks"));
    }

    [Fact]
    public async Task Two_servers_with_their_own_data_directories_run_side_by_side()
    {
        using var dataA = new TemporaryDirectory();
        using var dataB = new TemporaryDirectory();
        await using var a = await ServerProcess.StartAsync(dataA.Path);
        await using var b = await ServerProcess.StartAsync(dataB.Path);

        await RequestLockAsync(a, "A", "same-name", HttpStatusCode.OK);
        await RequestLockAsync(b, "B", "same-name", HttpStatusCode.OK);

        Assert.Contains("A[", await a.Http.GetStringAsync("/api/status/current_locks"));
        Assert.Contains("B[", await b.Http.GetStringAsync("/api/status/current_locks"));
    }

    /// <summary>Requests a lock in context "e2e" and returns the fencing token AkkaLocks adds as a header (0 if none).</summary>
    private static async Task<long> RequestLockAsync(ServerProcess server, string client, string target, HttpStatusCode expected, int? ttlSeconds = null)
    {
        var ttl = ttlSeconds is { } t ? $",\n\"ttl\": {t}" : "";
        var response = await server.PostJsonAsync("/api/sync/request_lock", $"{{\n\"client\": \"{client}\",\n\"context\": \"e2e\",\n\"target\": \"{target}\"{ttl}\n}}");
        Assert.Equal(expected, response.StatusCode);
        return response.Headers.TryGetValues("X-Fencing-Token", out var values) ? long.Parse(values.Single()) : 0;
    }

    private static async Task ReleaseLockAsync(ServerProcess server, string client, string target, HttpStatusCode expected)
    {
        var response = await server.PostJsonAsync("/api/sync/release_lock", $"{{\n\"client\": \"{client}\",\n\"context\": \"e2e\",\n\"target\": \"{target}\"\n}}");
        Assert.Equal(expected, response.StatusCode);
    }
}
