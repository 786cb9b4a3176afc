using AkkaLocks.EndToEnd.Tests.Cluster;

namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>
/// Kills one node of a cluster with SIGKILL, waits until the others have downed it (so its locks moved), and starts
/// it again at the same address; a random node each time, the first seed included.
/// </summary>
public sealed class ClusterNodeKillNemesis(ServerCluster cluster, int minimumKills) : INemesis
{
    public int Kills { get; private set; }

    public string Name => "cluster kill -9";

    public string Strikes => $"{Kills} node kills";

    public async Task RunAsync(TimeSpan duration, Random random)
    {
        var until = DateTime.UtcNow + duration;
        while (Kills < minimumKills || DateTime.UtcNow < until)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1000, 3000)));
            var victim = random.Next(cluster.Count);
            await cluster.KillAsync(victim);
            Kills++;
            await cluster.WaitForMembersUpAsync(cluster.Count - 1);
            await cluster.StartNodeAsync(victim);
            await cluster.WaitForMembersUpAsync(cluster.Count);
        }
        await Task.Delay(TimeSpan.FromSeconds(2));   // let the clients work on the healed cluster too
    }
}
