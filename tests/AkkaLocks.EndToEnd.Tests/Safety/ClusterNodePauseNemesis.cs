using AkkaLocks.EndToEnd.Tests.Cluster;

namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>
/// Freezes one node of a cluster with SIGSTOP for longer than it takes the others to down it and move its locks
/// (failure detection + twice the Split Brain Resolver's stable-after), then wakes it with SIGCONT: the process
/// pause every lease-based service fears. The woken node still holds its old lock actors in memory until it learns it
/// was downed; it must not grant what the survivors now own. It must then end its process by itself with a failure
/// code (DownedNodeTests pins that alone), and is started again.
/// </summary>
public sealed class ClusterNodePauseNemesis(ServerCluster cluster, TimeSpan pause, int minimumPauses) : INemesis
{
    /// <summary>From SIGCONT: the woken node's own resolver downs it stable-after later (5 s here), then it shuts down.</summary>
    private static readonly TimeSpan ExitBound = TimeSpan.FromSeconds(30);

    public int Pauses { get; private set; }

    public string Name => "cluster SIGSTOP";

    public string Strikes => $"{Pauses} node pauses of {pause.TotalSeconds:0} s";

    public async Task RunAsync(TimeSpan duration, Random random)
    {
        var until = DateTime.UtcNow + duration;
        while (Pauses < minimumPauses || DateTime.UtcNow < until)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1000, 3000)));
            var victim = random.Next(cluster.Count);
            var node = cluster.Nodes[victim];
            node.Pause();
            try
            {
                await Task.Delay(pause);
            }
            finally
            {
                node.Resume();
            }
            Pauses++;
            await RestartAfterItsExitAsync(victim);
        }
        await Task.Delay(TimeSpan.FromSeconds(2));
    }

    /// <summary>The frozen node was downed: it must exit by itself, non-zero, so a supervisor would restart it; it is never killed here.</summary>
    private async Task RestartAfterItsExitAsync(int victim)
    {
        int exitCode;
        try
        {
            exitCode = await cluster.Nodes[victim].WaitForExitAsync(ExitBound);
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException($"Node {victim} still runs {ExitBound.TotalSeconds:0} s after it was woken: a downed node must exit by itself.");
        }
        if (exitCode == 0) throw new InvalidOperationException($"Node {victim} was downed and exited 0: a supervisor restarting on failure would leave it down.");
        await cluster.StartNodeAsync(victim);
        await cluster.WaitForMembersUpAsync(cluster.Count);
    }
}
