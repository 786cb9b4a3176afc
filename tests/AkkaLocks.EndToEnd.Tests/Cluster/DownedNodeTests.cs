using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AkkaLocks.Contracts;
using AkkaLocks.EndToEnd.Tests.Postgres;
using Xunit.Abstractions;
using static AkkaLocks.EndToEnd.Tests.EsocoCalls;

namespace AkkaLocks.EndToEnd.Tests.Cluster;

/// <summary>
/// A node the Split Brain Resolver downed must not go on serving: woken from a freeze longer than its downing, it downs
/// itself at once (Hosting/FreezeWatchdog) instead of believing it is Up until its own resolver decides, stable-after
/// later; its process then ends by itself with exit code 3 (Hosting/ActorSystemExitCode), so a supervisor restarts it as
/// a new incarnation, and its health check fails meanwhile. Its locks stay with the survivors.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DownedNodeTests(PostgresServer postgres, ITestOutputHelper output)
{
    private const int Victim = 2;
    private const int LocksPerRound = 24;
    private const int MaxLocks = 480;

    /// <summary>The server's code for an actor system that ended without the host asking.</summary>
    private const int ActorSystemTerminatedExitCode = 3;

    /// <summary>
    /// From SIGCONT to the exit (coordinated shutdown, the host's stop): 1-4 s here on a busy machine. Generous, since
    /// the health answers below, not the exit time, tell the watchdog from the node's own resolver.
    /// </summary>
    private static readonly TimeSpan ExitBound = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A request taken in the instant after SIGCONT may be answered before the watchdog's thread has run; after this,
    /// the node must have downed itself (without the watchdog it answered 200 for stable-after and more).
    /// </summary>
    private static readonly TimeSpan WakeUpGrace = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan DowningBound = TimeSpan.FromSeconds(40);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [PostgresFact]
    public async Task Node_frozen_past_its_downing_exits_by_itself_with_a_failure_code_and_the_survivors_keep_its_locks()
    {
        await using var cluster = await ServerCluster.StartAsync(3, await postgres.CreateDatabaseAsync());
        await cluster.WaitForMembersUpAsync(3);
        await cluster.WaitUntilHostingShardsAsync(Victim);
        var tokens = await HoldLocksUntilTheVictimHostsSomeAsync(cluster);
        var victim = cluster.Nodes[Victim];

        var frozen = Stopwatch.StartNew();
        victim.Pause();
        try
        {
            await cluster.WaitUntilRemovedAsync(Victim, observer: 0, DowningBound);
        }
        finally
        {
            victim.Resume();
        }
        output.WriteLine($"node {Victim} removed by the others {frozen.Elapsed.TotalSeconds:0.0} s after SIGSTOP");
        var woken = Stopwatch.StartNew();
        var probe = ProbeUntilExitAsync(victim);
        var exitCode = await ExitCodeAsync(victim);
        var health = await probe;
        output.WriteLine($"exited with {exitCode} {woken.Elapsed.TotalSeconds:0.0} s after SIGCONT; /healthcheck meanwhile: {string.Join(", ", health.Select(h => $"{h.Answer}@{h.At.TotalSeconds:0.0}s"))}");

        Assert.Equal(ActorSystemTerminatedExitCode, exitCode);
        Assert.DoesNotContain(health, h => h.Answer == "200" && h.At > WakeUpGrace);
        foreach (var (name, token) in tokens)
            Assert.Equal(("A", token), await HolderAsync(cluster.Nodes[0], name));
    }

    /// <summary>
    /// Locks held by owner A, taken through every node in rounds until the victim hosts some: it has only the few shards
    /// the coordinator moved to it so far, so which lock names land there is luck. Returns each lock's token.
    /// </summary>
    private static async Task<Dictionary<string, long>> HoldLocksUntilTheVictimHostsSomeAsync(ServerCluster cluster)
    {
        var tokens = new Dictionary<string, long>();
        while ((await cluster.StatusAsync(Victim)).HostedLocks == 0)
        {
            Assert.True(tokens.Count < MaxLocks, $"none of {tokens.Count} locks landed on node {Victim}: its downing would move nothing");
            var first = tokens.Count;
            for (var i = first; i < first + LocksPerRound; i++)
                tokens[$"held-{i}"] = await RequestLockAsync(cluster.Nodes[i % 3], "A", $"held-{i}", HttpStatusCode.OK);
        }
        return tokens;
    }

    private static async Task<int> ExitCodeAsync(ServerProcess node)
    {
        try
        {
            return await node.WaitForExitAsync(ExitBound);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The woken node still runs {ExitBound.TotalSeconds:0} s after SIGCONT; see {node.LogFile}.");
        }
    }

    /// <summary>What the woken node answers on /healthcheck until it exits (status code, or the failure), and when.</summary>
    private static async Task<List<(string Answer, TimeSpan At)>> ProbeUntilExitAsync(ServerProcess node)
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var since = Stopwatch.StartNew();
        var answers = new List<(string, TimeSpan)>();
        while (!node.HasExited)
        {
            try
            {
                using var response = await http.GetAsync("/healthcheck");
                answers.Add((((int)response.StatusCode).ToString(), since.Elapsed));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                answers.Add((e.GetType().Name, since.Elapsed));
            }
            await Task.Delay(200);
        }
        return answers;
    }

    /// <summary>Owner and token as a survivor reads the lock, retried while its shard is still moving (503).</summary>
    private static async Task<(string?, long)> HolderAsync(ServerProcess node, string name)
    {
        var deadline = DateTime.UtcNow + DowningBound;
        while (true)
        {
            using var response = await node.Http.GetAsync($"/v1/locks/e2e/{name}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var info = (await response.Content.ReadFromJsonAsync<LockInfo>(Json))!;
                return (info.Owner, info.FencingToken);
            }
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);   // retryable, never "free"
            Assert.True(DateTime.UtcNow < deadline, $"{name} was not back within {DowningBound}");
            await Task.Delay(500);
        }
    }
}
