using AkkaLocks.EndToEnd.Tests.Cluster;

namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>
/// Freezes one node of a cluster with SIGSTOP for longer than it takes the others to down it and move its locks
/// (failure detection + twice the Split Brain Resolver's stable-after), then wakes it with SIGCONT: the process
/// pause every lease-based service fears. The woken node still holds its old lock actors in memory until it learns it
/// was downed; it must not grant what the survivors now own. It then shuts down and is started again.
/// </summary>
public sealed class ClusterNodePauseNemesis(ServerCluster cluster, TimeSpan pause, int minimumPauses) : INemesis
{
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(60);

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
            await RestartIfDownedAsync(victim);
        }
        await Task.Delay(TimeSpan.FromSeconds(2));
    }

    /// <summary>A downed node ends its process; one that was not downed (a short pause) just carries on.</summary>
    private async Task RestartIfDownedAsync(int victim)
    {
        try
        {
            await cluster.Nodes[victim].WaitForExitAsync(ExitGrace);
        }
        catch (OperationCanceledException)
        {
            await cluster.KillAsync(victim);   // still running after being downed: its own problem, not the test's
        }
        await cluster.StartNodeAsync(victim);
        await cluster.WaitForMembersUpAsync(cluster.Count);
    }
}
