using System.Diagnostics;
using System.Text.Json;
using AkkaLocks.Contracts;
using AkkaLocks.EndToEnd.Tests.Cluster;

namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>
/// Cuts one node of a cluster off from the others (both directions, through the proxies of <see cref="RemotingNetwork"/>;
/// its HTTP clients and PostgreSQL stay reachable, so it keeps running and keeps being asked), until the majority side's
/// Split Brain Resolver has downed and removed it, then heals the network. The minority node has downed itself
/// meanwhile (keep-majority) and ends its process; it is started again so the cluster is whole, while the majority
/// starts the cut-off node's locks. A random node each time, the first seed (and oldest, the shard coordinator's
/// host) included. Every isolation must be seen from both sides (<see cref="Observations"/>): the cut-off node sees the
/// others unreachable, the others see it unreachable.
/// </summary>
public sealed class ClusterPartitionNemesis(ServerCluster cluster, int minimumPartitions) : INemesis
{
    private static readonly TimeSpan RemovalTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly List<string> _observations = [];

    public int Partitions { get; private set; }

    /// <summary>Isolations in which the cut-off node saw every other node unreachable: nothing reached it.</summary>
    public int SeenFromInside { get; private set; }

    /// <summary>Isolations in which the other nodes saw it unreachable, then downed and removed it.</summary>
    public int SeenFromOutside { get; private set; }

    /// <summary>One line per isolation: who, and when each side noticed (seconds after the cut).</summary>
    public IReadOnlyList<string> Observations => _observations;

    public string Name => "cluster partition";

    public string Strikes => $"{Partitions} node isolations";

    public async Task RunAsync(TimeSpan duration, Random random)
    {
        var until = DateTime.UtcNow + duration;
        while (Partitions < minimumPartitions || DateTime.UtcNow < until)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1000, 3000)));
            var victim = random.Next(cluster.Count);
            var hosted = await ViewAsync(victim);   // what it takes with it: a node hosting no lock is a dull victim
            cluster.Network.Isolate(victim);
            Partitions++;
            IsolationWatch watch;
            try
            {
                watch = await WatchUntilRemovedAsync(victim, hosted);
            }
            finally
            {
                // No need to hold the partition longer: the cut-off node downed itself at the same moment (its
                // resolver decides on the same stable-after), and the majority starts its shards one stable-after
                // after removing it (down-removal-margin), well before the restarted node is back.
                cluster.Network.Heal();
            }
            await RestartDownedAsync(watch);
            _observations.Add(watch.ToString());
        }
        await Task.Delay(TimeSpan.FromSeconds(2));   // let the clients work on the healed cluster too
    }

    /// <summary>Polls both sides' <c>/v1/cluster</c> until every other node has removed <paramref name="victim"/>.</summary>
    private async Task<IsolationWatch> WatchUntilRemovedAsync(int victim, ClusterStatus? hosted)
    {
        var watch = new IsolationWatch(victim, cluster.AddressOf(victim), Stopwatch.StartNew())
        {
            HostedShards = hosted?.HostedShards,
            HostedLocks = hosted?.HostedLocks,
        };
        var others = Enumerable.Range(0, cluster.Count).Where(i => i != victim && cluster.IsRunning(i)).ToList();
        ClusterStatus?[] outside = [];
        while (watch.Removed is null)
        {
            if (watch.Elapsed > RemovalTimeout)
                throw new TimeoutException(
                    $"The other nodes did not remove the isolated node {victim} within {RemovalTimeout}: {watch}; their last views:\n" +
                    JsonSerializer.Serialize(outside));
            if (watch.Exited is null && !cluster.IsRunning(victim)) watch.Exited = watch.Elapsed;
            if (watch.InsideSawOthersUnreachable is null && await ViewAsync(victim) is { } inside && SeesAllOthersUnreachable(inside))
                watch.InsideSawOthersUnreachable = watch.Elapsed;
            outside = await Task.WhenAll(others.Select(ViewAsync));
            if (watch.OutsideSawItUnreachable is null && outside.Any(v => v is not null && SeesUnreachable(v, watch.Address)))
                watch.OutsideSawItUnreachable = watch.Elapsed;
            if (outside.All(v => v is not null && HasRemoved(v, watch.Address, others.Count))) watch.Removed = watch.Elapsed;
            else await Task.Delay(PollInterval);
        }
        if (watch.InsideSawOthersUnreachable is not null) SeenFromInside++;
        if (watch.OutsideSawItUnreachable is not null) SeenFromOutside++;
        return watch;
    }

    /// <summary>A node's view, or null when it does not answer (ended, or ending).</summary>
    private async Task<ClusterStatus?> ViewAsync(int node)
    {
        if (!cluster.IsRunning(node)) return null;
        try
        {
            return await cluster.StatusAsync(node);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            return null;
        }
    }

    private static bool SeesAllOthersUnreachable(ClusterStatus view)
    {
        var others = view.Members.Where(m => m.Address != view.Self).ToList();
        return others.Count > 0 && others.All(m => !m.Reachable);
    }

    private static bool SeesUnreachable(ClusterStatus view, string address) =>
        view.Members.Any(m => m.Address == address && !m.Reachable);

    private static bool HasRemoved(ClusterStatus view, string address, int remaining) =>
        view.Members.Count == remaining && view.Members.All(m => m.Address != address && m is { Status: "up", Reachable: true });

    /// <summary>Downed, the node ends its process; one still running after <see cref="ExitGrace"/> is killed. Either way it starts again.</summary>
    private async Task RestartDownedAsync(IsolationWatch watch)
    {
        var victim = watch.Node;
        if (cluster.IsRunning(victim))
        {
            try
            {
                await cluster.Nodes[victim].WaitForExitAsync(ExitGrace);
            }
            catch (OperationCanceledException)
            {
                watch.KilledAfterHeal = true;
                await cluster.KillAsync(victim);
            }
        }
        watch.Exited ??= watch.Elapsed;   // ended after the others removed it: noticed here
        await cluster.StartNodeAsync(victim);
        await cluster.WaitForMembersUpAsync(cluster.Count);
        watch.Rejoined = watch.Elapsed;
    }

    /// <summary>What each side of one isolation saw, and when (time since the cut, as polled: an upper bound on a busy machine).</summary>
    private sealed class IsolationWatch(int node, string address, Stopwatch clock)
    {
        public int Node { get; } = node;

        public string Address { get; } = address;

        public TimeSpan Elapsed => clock.Elapsed;

        /// <summary>Shards and lock actors it hosted just before the cut (null if it did not answer).</summary>
        public int? HostedShards { get; init; }

        public int? HostedLocks { get; init; }

        public TimeSpan? InsideSawOthersUnreachable { get; set; }

        public TimeSpan? OutsideSawItUnreachable { get; set; }

        public TimeSpan? Removed { get; set; }

        /// <summary>When its process was seen ended (polled: during the watch, else after the heal).</summary>
        public TimeSpan? Exited { get; set; }

        /// <summary>When the restarted node was an Up member again in every node's view.</summary>
        public TimeSpan? Rejoined { get; set; }

        /// <summary>Still running <see cref="ExitGrace"/> after the heal: it had not shut itself down.</summary>
        public bool KilledAfterHeal { get; set; }

        public override string ToString() =>
            $"node {Node} isolated, hosting {HostedShards?.ToString() ?? "?"} shards and {HostedLocks?.ToString() ?? "?"} locks: it saw the others unreachable {At(InsideSawOthersUnreachable)}; " +
            $"they saw it unreachable {At(OutsideSawItUnreachable)} and removed it {At(Removed)}; " +
            (KilledAfterHeal ? "its process still ran a minute after the heal: killed" : $"its process had ended {At(Exited)}") +
            $"; restarted, it was up in every view {At(Rejoined)}";

        private static string At(TimeSpan? time) => time is { } t ? $"after {t.TotalSeconds:0.0} s" : "never (while watched)";
    }
}
