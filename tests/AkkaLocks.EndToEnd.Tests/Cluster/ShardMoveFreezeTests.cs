using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AkkaLocks.EndToEnd.Tests.Postgres;
using AkkaLocks.EndToEnd.Tests.Safety;
using Xunit.Abstractions;
using static AkkaLocks.EndToEnd.Tests.EsocoCalls;

namespace AkkaLocks.EndToEnd.Tests.Cluster;

/// <summary>
/// A shard whose move off a node began just before that node froze comes back with the node's other shards once the
/// node is downed, not a minute later. Akka.NET's rebalance worker takes the removed node's termination as its
/// acknowledgement, then asks that removed node to stop the shard and waits for an answer that never comes, until
/// <c>akka.cluster.sharding.handoff-timeout</c> (Akka's 60 s; 10 s in hocon/akkalocks.conf). Soak only: a move off the
/// victim takes a graceful restart of the first node and a wait for the next rebalance to arrange, 1-1.5 min per try.
/// </summary>
[Trait("Category", "Safety")]
[Collection(PostgresCollection.Name)]
public sealed class ShardMoveFreezeTests(PostgresServer postgres, ITestOutputHelper output)
{
    private const int Coordinator = 1;   // the oldest node once node 0 has left and come back
    private const int Victim = 2;
    private const int Locks = 150;
    private const int Attempts = 3;

    /// <summary>Akka's rebalance-interval: the coordinator moves shards on this beat.</summary>
    private static readonly TimeSpan RebalanceInterval = TimeSpan.FromSeconds(10);

    /// <summary>Frozen this much before a beat, the victim is still seen reachable when the move starts, and never acknowledges it.</summary>
    private static readonly TimeSpan FreezeBeforeBeat = TimeSpan.FromMilliseconds(800);

    /// <summary>From the victim's removal: the down-removal margin (5 s here), a request's ask timeout (10 s) and slack.</summary>
    private static readonly TimeSpan BackBound = TimeSpan.FromSeconds(25);

    private static readonly IReadOnlyDictionary<string, string> DebugLogs = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Debug" };

    [SoakFact]
    public async Task Locks_of_a_node_frozen_as_a_shard_moves_off_it_return_with_its_failover()
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            if (await FreezeAsAShardMovesOffTheVictimAsync(attempt)) return;
        }
        Assert.Fail($"In {Attempts} attempts no rebalance started from node {Victim} while it was frozen: nothing was tested.");
    }

    /// <summary>One cluster, one freeze. False when the move that started during the freeze came from another node.</summary>
    private async Task<bool> FreezeAsAShardMovesOffTheVictimAsync(int attempt)
    {
        await using var cluster = await ServerCluster.StartAsync(3, await postgres.CreateDatabaseAsync(), DebugLogs);
        await cluster.WaitForMembersUpAsync(3);
        var names = await HoldLocksAsync(cluster);
        await MoveTheCoordinatorOffNodeZeroAsync(cluster);
        await WaitUntilTheVictimIsAmongTheMostLoadedAsync(cluster);

        await Task.Delay(NextBeat(cluster) - FreezeBeforeBeat - DateTime.UtcNow);
        var logBefore = cluster.Nodes[Coordinator].ReadLog().Length;
        cluster.Nodes[Victim].Pause();
        var frozen = Stopwatch.StartNew();
        try
        {
            await cluster.WaitUntilRemovedAsync(Victim, Coordinator, BackBound);
        }
        finally
        {
            cluster.Nodes[Victim].Resume();
        }
        output.WriteLine($"shard move freeze, attempt {attempt}: node {Victim} removed {frozen.Elapsed.TotalSeconds:0.0} s after SIGSTOP");
        var removed = Stopwatch.StartNew();
        var slowest = await SlowestReturnAsync(cluster, names);
        var movedOffVictim = MovesOff(cluster, cluster.Nodes[Coordinator].ReadLog()[logBefore..]);
        output.WriteLine($"shard move freeze, attempt {attempt}: moves off node {Victim} begun during the freeze: {movedOffVictim}; every lock back {slowest.TotalSeconds:0.0} s after its removal (the last read {removed.Elapsed.TotalSeconds:0.0} s after)");

        Assert.True(slowest < BackBound, $"a lock came back {slowest.TotalSeconds:0.0} s after node {Victim}'s removal (bound {BackBound.TotalSeconds:0} s); see {cluster.Nodes[Coordinator].LogFile}");
        return movedOffVictim > 0;
    }

    private static async Task<List<string>> HoldLocksAsync(ServerCluster cluster)
    {
        var names = Enumerable.Range(0, Locks).Select(i => $"held-{i}").ToList();
        for (var i = 0; i < names.Count; i++) await RequestLockAsync(cluster.Nodes[i % 3], "A", names[i], HttpStatusCode.OK);
        return names;
    }

    /// <summary>
    /// Node 0 leaves (its shards go to nodes 1 and 2) and rejoins empty: the coordinator now lives on node 1, and it moves
    /// shards to node 0 from whichever of nodes 1 and 2 hosts the most.
    /// </summary>
    private static async Task MoveTheCoordinatorOffNodeZeroAsync(ServerCluster cluster)
    {
        Assert.Equal(0, await cluster.StopGracefullyAsync(0));
        await cluster.WaitForMembersUpAsync(2);
        await cluster.StartNodeAsync(0);
        await cluster.WaitForMembersUpAsync(3);
    }

    private static async Task WaitUntilTheVictimIsAmongTheMostLoadedAsync(ServerCluster cluster)
    {
        var deadline = DateTime.UtcNow + 6 * RebalanceInterval;
        while (true)
        {
            var shards = await Task.WhenAll(Enumerable.Range(0, 3).Select(async i => (await cluster.StatusAsync(i)).HostedShards));
            if (LastBeat(cluster) is not null && shards[Victim] >= shards[Coordinator] && shards[Victim] > shards[0] + 1) return;
            Assert.True(DateTime.UtcNow < deadline, $"node {Victim} never hosted as many shards as any other: {string.Join("/", shards)}");
            await Task.Delay(250);
        }
    }

    /// <summary>The coordinator's next rebalance, from the beat of the last one it logged.</summary>
    private static DateTime NextBeat(ServerCluster cluster)
    {
        var beat = LastBeat(cluster) ?? throw new InvalidOperationException("The coordinator logged no rebalance yet.");
        while (beat - FreezeBeforeBeat < DateTime.UtcNow + TimeSpan.FromMilliseconds(200)) beat += RebalanceInterval;
        return beat;
    }

    private static DateTime? LastBeat(ServerCluster cluster)
    {
        var beats = Regex.Matches(cluster.Nodes[Coordinator].ReadLog(),
            @"\[(\d\d/\d\d/\d{4} \d\d:\d\d:\d\d\.\d{3})Z\]\[[^\]]*\]\[[^\]]*\] akkalocks-lock: Starting rebalance");
        return beats.Count == 0
            ? null
            : DateTime.SpecifyKind(DateTime.ParseExact(beats[^1].Groups[1].Value, "MM/dd/yyyy HH:mm:ss.fff", CultureInfo.InvariantCulture), DateTimeKind.Utc);
    }

    private static int MovesOff(ServerCluster cluster, string log) =>
        Regex.Matches(log, @"Rebalance shard \[\d+\] from \[\[" + Regex.Escape(cluster.AddressOf(Victim)) + "/").Count;

    /// <summary>Reads every lock through node 0 until it answers, all at once; the longest wait.</summary>
    private static async Task<TimeSpan> SlowestReturnAsync(ServerCluster cluster, IEnumerable<string> names)
    {
        var waits = await Task.WhenAll(names.Select(async name =>
        {
            var since = Stopwatch.StartNew();
            while (since.Elapsed < 3 * BackBound)
            {
                using var response = await cluster.Nodes[0].Http.GetAsync($"/v1/locks/e2e/{name}");
                if (response.StatusCode == HttpStatusCode.OK) break;
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);   // retryable, never "free"
                await Task.Delay(500);
            }
            return since.Elapsed;
        }));
        return waits.Max();
    }
}
