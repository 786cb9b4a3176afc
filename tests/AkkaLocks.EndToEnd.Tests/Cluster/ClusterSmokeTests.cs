using System.Diagnostics;
using System.Net;
using AkkaLocks.Contracts;
using AkkaLocks.EndToEnd.Tests.Postgres;
using AkkaLocks.EndToEnd.Tests.Safety;
using Xunit.Abstractions;
using static AkkaLocks.EndToEnd.Tests.EsocoCalls;

namespace AkkaLocks.EndToEnd.Tests.Cluster;

/// <summary>Real server processes as one Akka cluster on one PostgreSQL database (the <see cref="ServerCluster"/> harness).</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterSmokeTests(PostgresServer postgres, ITestOutputHelper output)
{
    [PostgresFact]
    public async Task Three_nodes_form_one_cluster_and_any_node_answers_for_any_lock()
    {
        var started = Stopwatch.StartNew();
        await using var cluster = await ServerCluster.StartAsync(3, await postgres.CreateDatabaseAsync());
        var views = await cluster.WaitForMembersUpAsync(3);
        output.WriteLine($"3 nodes up after {started.Elapsed.TotalSeconds:0.0} s");

        Assert.All(views, view => Assert.Equal(views[0]!.Leader, view!.Leader));
        Assert.Equal([.. Enumerable.Range(0, 3).Select(cluster.AddressOf).Order()], views[0]!.Members.Select(m => m.Address).Order());
        var token = await RequestLockAsync(cluster.Nodes[0], "A", "shared", HttpStatusCode.OK);
        await RequestLockAsync(cluster.Nodes[2], "B", "shared", HttpStatusCode.Locked);
        await ReleaseLockAsync(cluster.Nodes[1], "A", "shared", HttpStatusCode.OK);
        Assert.Equal(token + 1, await RequestLockAsync(cluster.Nodes[2], "B", "shared", HttpStatusCode.OK));
    }

    [PostgresFact]
    public async Task Node_stopped_with_sigterm_leaves_the_cluster_and_exits_0()
    {
        await using var cluster = await ServerCluster.StartAsync(2, await postgres.CreateDatabaseAsync());
        await cluster.WaitForMembersUpAsync(2);
        await RequestLockAsync(cluster.Nodes[1], "A", "kept", HttpStatusCode.OK);

        Assert.Equal(0, await cluster.StopGracefullyAsync(1));

        await cluster.WaitForMembersUpAsync(1, TimeSpan.FromSeconds(10));   // left, not downed by the resolver
        await RequestLockAsync(cluster.Nodes[0], "B", "kept", HttpStatusCode.Locked);
    }

    [PostgresFact]
    public async Task Node_added_after_the_start_joins_through_the_seeds_and_serves_the_same_locks()
    {
        await using var cluster = await ServerCluster.StartAsync(2, await postgres.CreateDatabaseAsync());
        await cluster.WaitForMembersUpAsync(2);
        await RequestLockAsync(cluster.Nodes[0], "A", "before", HttpStatusCode.OK);

        var added = await cluster.StartNodeAsync(cluster.Count);
        await cluster.WaitForMembersUpAsync(3);

        Assert.DoesNotContain(cluster.AddressOf(2), cluster.SeedNodes);
        await RequestLockAsync(added, "B", "before", HttpStatusCode.Locked);
        await cluster.WaitUntilHostingShardsAsync(2);   // the coordinator rebalances shards onto the newcomer
    }

    /// <summary>
    /// A node alone keeps its held-locks index to itself; the moment another node joins it shares every entry, so the
    /// newcomer, which reads a majority's copy before it serves, lists what was locked before it existed.
    /// </summary>
    [PostgresFact]
    public async Task Node_joining_a_node_that_was_alone_lists_the_locks_taken_before_it_joined()
    {
        await using var cluster = await ServerCluster.StartAsync(1, await postgres.CreateDatabaseAsync());
        await RequestLockAsync(cluster.Nodes[0], "A", "early-1", HttpStatusCode.OK);
        await RequestLockAsync(cluster.Nodes[0], "A", "early-2", HttpStatusCode.OK);
        await RequestLockAsync(cluster.Nodes[0], "A", "released", HttpStatusCode.OK);
        await ReleaseLockAsync(cluster.Nodes[0], "A", "released", HttpStatusCode.OK);

        var joined = await cluster.StartNodeAsync(1);
        var listed = await joined.Http.GetStringAsync("/api/status/current_locks");   // its first answer: served only after its sync

        Assert.Contains("early-1", listed);
        Assert.Contains("early-2", listed);
        Assert.DoesNotContain("\"released\"", listed);
    }

    /// <summary>
    /// A watch on one node hears the transitions of locks hosted on another, through the transition topic. The first node
    /// started alone, when it publishes nothing to the topic, and hosts (nearly) every shard: it must start publishing
    /// once the second node joins.
    /// </summary>
    [PostgresFact]
    public async Task Watch_on_a_joined_node_hears_transitions_of_locks_hosted_on_the_first_node()
    {
        await using var cluster = await ServerCluster.StartAsync(1, await postgres.CreateDatabaseAsync());
        await RequestLockAsync(cluster.Nodes[0], "A", "alone", HttpStatusCode.OK);   // while alone: nobody else to tell
        var joined = await cluster.StartNodeAsync(1);
        await cluster.WaitForMembersUpAsync(2);
        await using var watch = await ServerEventLog.StartAsync(joined.BaseAddress, "e2e");

        var targets = Enumerable.Range(0, 10).Select(n => $"watched-{n}").ToList();
        foreach (var target in targets)
        {
            await RequestLockAsync(cluster.Nodes[0], "A", target, HttpStatusCode.OK);
            await ReleaseLockAsync(cluster.Nodes[0], "A", target, HttpStatusCode.OK);
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (watch.Events.Count(e => e.Type == LockEventTypes.Released) < targets.Count && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        var heard = await watch.StopAsync();
        foreach (var target in targets)
        {
            Assert.Contains(heard, e => e.Key == target && e.Type == LockEventTypes.Acquired);
            Assert.Contains(heard, e => e.Key == target && e.Type == LockEventTypes.Released);
        }
    }
}
