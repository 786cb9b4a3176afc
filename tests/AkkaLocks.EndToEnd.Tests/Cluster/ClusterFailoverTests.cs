using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AkkaLocks.Contracts;
using AkkaLocks.EndToEnd.Tests.Postgres;
using AkkaLocks.EndToEnd.Tests.Safety;
using Xunit.Abstractions;
using static AkkaLocks.EndToEnd.Tests.EsocoCalls;

namespace AkkaLocks.EndToEnd.Tests.Cluster;

/// <summary>
/// A node of a three-node cluster dies by SIGKILL while it hosts held locks: the others down it (Split Brain
/// Resolver), its shards restart on them from the shared PostgreSQL journal, and every lock comes back as it was.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterFailoverTests(PostgresServer postgres, ITestOutputHelper output)
{
    private const int HeldLocks = 24;
    private const int TtlLocks = 9;
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan FailoverBound = TimeSpan.FromSeconds(90);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [PostgresFact]
    public async Task Locks_of_a_killed_node_keep_owner_and_token_grant_higher_tokens_and_expire_never_early()
    {
        await using var cluster = await ServerCluster.StartAsync(3, await postgres.CreateDatabaseAsync());
        await cluster.WaitForMembersUpAsync(3);
        foreach (var node in new[] { 1, 2 }) await cluster.WaitUntilHostingShardsAsync(node);   // so the kill takes locks with it
        await using var events = await ServerEventLog.StartAsync(cluster.Nodes[0].BaseAddress, "e2e");
        var tokens = new Dictionary<string, long>();
        for (var i = 0; i < HeldLocks; i++) tokens[$"held-{i}"] = await RequestLockAsync(cluster.Nodes[i % 3], "A", $"held-{i}", HttpStatusCode.OK);
        for (var i = 0; i < TtlLocks; i++) await RequestLockAsync(cluster.Nodes[i % 3], "A", $"ttl-{i}", HttpStatusCode.OK, (int)Ttl.TotalSeconds);
        var victim = await BusiestNodeAsync(cluster, candidates: [1, 2]);

        await cluster.KillAsync(victim);
        var killed = Stopwatch.StartNew();
        await cluster.WaitForMembersUpAsync(2);
        var survivor = cluster.Nodes[victim == 1 ? 2 : 1];

        foreach (var (name, token) in tokens)
        {
            var info = await ReadHeldLockAsync(survivor, name);
            Assert.Equal(("A", token), (info.Owner, info.FencingToken));
        }
        await RequestLockAsync(cluster.Nodes[0], "B", "held-0", HttpStatusCode.Locked);
        await ReleaseLockAsync(survivor, "A", "held-0", HttpStatusCode.OK);
        Assert.Equal(tokens["held-0"] + 1, await RequestLockAsync(cluster.Nodes[0], "B", "held-0", HttpStatusCode.OK));
        var expiries = await WaitForExpiriesAsync(events, TtlLocks);
        output.WriteLine($"node {victim} killed; every lock back after {killed.Elapsed.TotalSeconds:0.0} s (expiries included)");

        var acquired = events.Events.Where(e => e.Type == LockEventTypes.Acquired && e.Key.StartsWith("ttl-")).ToDictionary(e => e.Key);
        foreach (var expired in expiries)
            Assert.True(expired.Data.Time - acquired[expired.Key].Data.Time >= Ttl, $"{expired.Key} expired before its TTL");
        var listed = await survivor.Http.GetStringAsync("/api/status/current_locks");
        Assert.All(tokens.Keys.Skip(1), name => Assert.Contains($"\"{name}\"", listed));
        Assert.DoesNotContain("\"ttl-", listed);
    }

    [PostgresFact]
    public async Task Node_started_after_a_kill_rejoins_and_lists_every_lock_held_on_the_others()
    {
        await using var cluster = await ServerCluster.StartAsync(3, await postgres.CreateDatabaseAsync());
        await cluster.WaitForMembersUpAsync(3);
        for (var i = 0; i < 6; i++) await RequestLockAsync(cluster.Nodes[i % 3], "A", $"kept-{i}", HttpStatusCode.OK);

        await cluster.KillAsync(2);
        await cluster.WaitForMembersUpAsync(2);
        var restarted = await cluster.StartNodeAsync(2);
        await cluster.WaitForMembersUpAsync(3);

        var listed = await restarted.Http.GetStringAsync("/api/status/current_locks");
        Assert.All(Enumerable.Range(0, 6), i => Assert.Contains($"\"kept-{i}\"", listed));
    }

    /// <summary>The candidate hosting the most lock actors, so the kill takes locks with it.</summary>
    private static async Task<int> BusiestNodeAsync(ServerCluster cluster, int[] candidates)
    {
        var hosted = new Dictionary<int, int>();
        foreach (var node in candidates) hosted[node] = (await cluster.StatusAsync(node)).HostedLocks;
        var busiest = hosted.MaxBy(h => h.Value);
        Assert.True(busiest.Value > 0, "no node but the first hosts a lock: the kill would prove nothing");
        return busiest.Key;
    }

    /// <summary>The lock as v1 reads it, retried while its shard is still moving (503) or recovering.</summary>
    private static async Task<LockInfo> ReadHeldLockAsync(ServerProcess node, string name)
    {
        var deadline = DateTime.UtcNow + FailoverBound;
        while (true)
        {
            using var response = await node.Http.GetAsync($"/v1/locks/e2e/{name}");
            if (response.StatusCode == HttpStatusCode.OK) return (await response.Content.ReadFromJsonAsync<LockInfo>(Json))!;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);   // retryable, never "free"
            Assert.True(DateTime.UtcNow < deadline, $"{name} was not back within {FailoverBound}");
            await Task.Delay(500);
        }
    }

    private static async Task<IReadOnlyList<ServerEvent>> WaitForExpiriesAsync(ServerEventLog events, int count)
    {
        var deadline = DateTime.UtcNow + FailoverBound;
        while (true)
        {
            var expired = events.Events.Where(e => e.Type == LockEventTypes.Expired && e.Key.StartsWith("ttl-")).ToList();
            if (expired.Count >= count) return expired;
            Assert.True(DateTime.UtcNow < deadline, $"only {expired.Count} of {count} TTL locks expired within {FailoverBound}");
            await Task.Delay(250);
        }
    }
}
