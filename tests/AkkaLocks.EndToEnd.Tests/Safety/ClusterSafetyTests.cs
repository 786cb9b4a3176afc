using AkkaLocks.EndToEnd.Tests.Cluster;
using AkkaLocks.EndToEnd.Tests.Postgres;
using Xunit.Abstractions;

namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>
/// Jepsen-style on a three-node cluster over one PostgreSQL: clients spread over the nodes compete for a few locks
/// while nodes are killed with SIGKILL and restarted, or cut off from the others by a network partition; the recorded
/// history must show no violation. Short by default (one kill, one partition); AKKALOCKS_SAFETY_SECONDS makes it a soak (./safety.sh).
/// </summary>
[Trait("Category", "Safety")]
[Collection(PostgresCollection.Name)]
public sealed class ClusterSafetyTests(PostgresServer postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan Run =
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("AKKALOCKS_SAFETY_SECONDS"), out var s) ? s : 1);

    [PostgresFact]
    public async Task Clients_see_no_violation_while_cluster_nodes_are_killed_and_restarted()
    {
        await using var cluster = await ServerCluster.StartAsync(3, await postgres.CreateDatabaseAsync());
        await cluster.WaitForMembersUpAsync(3);
        var nemesis = new ClusterNodeKillNemesis(cluster, minimumKills: 1);
        var workload = new LockWorkload([.. cluster.Nodes.Select(n => n.BaseAddress)], clients: 9, keys: ["a", "b", "c", "d", "e", "f"]);
        using var stop = new CancellationTokenSource();

        var history = workload.RunAsync(stop.Token);
        await nemesis.RunAsync(Run, new Random(11));
        await stop.CancelAsync();

        var ops = await history;
        OperationHistoryFile.WriteIfKept(ops, workload, output);
        var report = new NemesisReport(nemesis, Run, LockHistoryChecker.Check(ops));
        output.WriteLine(report.ToString());
        Assert.Empty(report.Violations);
        Assert.True(nemesis.Kills >= 1, "the nemesis must have struck");
        Assert.True(report.Check.Grants >= 20, $"too few grants ({report.Check.Grants}) to say anything");
    }

    /// <summary>
    /// One node cut off from the other two (its clients still reach it over HTTP): the majority downs it and takes its
    /// locks, it downs itself and must grant nothing the majority grants; then the partition heals and it is restarted.
    /// </summary>
    [PostgresFact]
    public async Task Clients_see_no_violation_while_a_node_is_partitioned_from_the_others_and_healed()
    {
        await using var cluster = await ServerCluster.StartAsync(3, await postgres.CreateDatabaseAsync(), proxiedRemoting: true);
        await cluster.WaitForMembersUpAsync(3);
        var nemesis = new ClusterPartitionNemesis(cluster, minimumPartitions: 1);
        var workload = new LockWorkload([.. cluster.Nodes.Select(n => n.BaseAddress)], clients: 9, keys: ["a", "b", "c", "d", "e", "f"]);
        using var stop = new CancellationTokenSource();

        var history = workload.RunAsync(stop.Token);
        await nemesis.RunAsync(Run, new Random(18));   // cuts off node 0 first: the first seed, and the oldest, which hosts the shard coordinator
        await stop.CancelAsync();

        var ops = await history;
        OperationHistoryFile.WriteIfKept(ops, workload, output);
        var report = new NemesisReport(nemesis, Run, LockHistoryChecker.Check(ops),
            [.. nemesis.Observations, $"proxies: {cluster.Network.Refusals} connections cut or refused, {cluster.Network.Unidentified} unidentified"]);
        output.WriteLine(report.ToString());
        Assert.Empty(report.Violations);
        Assert.True(nemesis.Partitions >= 1, "the nemesis must have struck");
        Assert.Equal(nemesis.Partitions, nemesis.SeenFromInside);    // nothing reached the cut-off node...
        Assert.Equal(nemesis.Partitions, nemesis.SeenFromOutside);   // ...and nothing from it reached the others
        Assert.Equal(0, cluster.Network.Unidentified);
        Assert.True(report.Check.Grants >= 20, $"too few grants ({report.Check.Grants}) to say anything");
    }

    /// <summary>Soak only (a minute per pause): the frozen node is downed, its locks move, and it wakes up.</summary>
    [SoakFact]
    public async Task Clients_see_no_violation_while_a_node_is_frozen_past_its_downing_and_woken()
    {
        await using var cluster = await ServerCluster.StartAsync(3, await postgres.CreateDatabaseAsync());
        await cluster.WaitForMembersUpAsync(3);
        var nemesis = new ClusterNodePauseNemesis(cluster, pause: TimeSpan.FromSeconds(20), minimumPauses: 1);
        var workload = new LockWorkload([.. cluster.Nodes.Select(n => n.BaseAddress)], clients: 9, keys: ["a", "b", "c", "d", "e", "f"]);
        using var stop = new CancellationTokenSource();

        var history = workload.RunAsync(stop.Token);
        await nemesis.RunAsync(Run, new Random(13));
        await stop.CancelAsync();

        var ops = await history;
        OperationHistoryFile.WriteIfKept(ops, workload, output);
        var report = new NemesisReport(nemesis, Run, LockHistoryChecker.Check(ops));
        output.WriteLine(report.ToString());
        Assert.Empty(report.Violations);
        Assert.True(nemesis.Pauses >= 1, "the nemesis must have struck");
        Assert.True(report.Check.Grants >= 20, $"too few grants ({report.Check.Grants}) to say anything");
    }
}
