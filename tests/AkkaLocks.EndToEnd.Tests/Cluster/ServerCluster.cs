using System.Net.Http.Json;
using System.Text.Json;
using AkkaLocks.Contracts;
using AkkaLocks.EndToEnd.Tests.Postgres;

namespace AkkaLocks.EndToEnd.Tests.Cluster;

/// <summary>
/// N real AkkaLocks server processes on loopback forming one Akka cluster over one shared PostgreSQL database,
/// each with its own HTTP port, fixed remoting port and data directory. Nodes can be killed (SIGKILL), stopped
/// gracefully (SIGTERM) and started again at the same address, or added.
/// <code>
/// await using var cluster = await ServerCluster.StartAsync(3, await postgres.CreateDatabaseAsync());
/// await cluster.WaitForMembersUpAsync(3);
/// await cluster.Nodes[0].PostJsonAsync("/api/sync/request_lock", ...);   // any node answers for any lock
/// await cluster.KillAsync(2);
/// await cluster.WaitForMembersUpAsync(2);        // the Split Brain Resolver downed it (after stable-after, 5 s here)
/// await cluster.StartNodeAsync(2);               // back at the same ports, joining the others
/// </code>
/// Every node gets the same seed list: the addresses of the initial nodes, node 0 first. Akka lets only the FIRST
/// seed node form a new cluster by joining itself (and only after no other seed answered it); the others keep
/// asking the seeds until one lets them in. So node 0 bootstraps the cluster at the start, nodes 1..N-1 join it, and a
/// restarted node 0 rejoins through the others instead of forming a second cluster of its own, which it would do
/// with itself as the only seed: two clusters on one journal would each grant the same lock.
/// With <c>proxiedRemoting</c>, every node is reached through a proxy of its own (<see cref="Network"/>), which the
/// nemesis uses to partition the cluster.
/// Requests to <c>/v1/cluster</c> need no credentials because the nodes listen on loopback (credentials mode Auto).
/// </summary>
public sealed class ServerCluster : IAsyncDisposable
{
    /// <summary>The server's default AkkaLocks:ActorSystemName; part of every node's Akka address.</summary>
    public const string ActorSystemName = "akkalocks";

    /// <summary>Split Brain Resolver stable-after for tests (production: 20 s), so a killed node is downed quickly.</summary>
    public const string DefaultStableAfter = "00:00:05";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Nodes start together and a joining node waits for the others' shards: slower than one server alone.</summary>
    private static readonly TimeSpan NodeStartTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly List<ClusterNodeSlot> _slots = [];
    private readonly TemporaryDirectory _root = new();
    private readonly PostgresDatabase _database;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly IReadOnlyList<string> _seedNodes;
    private readonly RemotingNetwork? _network;

    private ServerCluster(int nodes, PostgresDatabase database, IReadOnlyDictionary<string, string>? environment, bool proxiedRemoting)
    {
        _database = database;
        _environment = environment ?? new Dictionary<string, string>();
        _network = proxiedRemoting ? new RemotingNetwork() : null;
        for (var i = 0; i < nodes; i++) AddSlot();
        _seedNodes = [.. _slots.Select(s => s.Address)];
    }

    /// <summary>The latest process of each node, by index; a killed or stopped node's has <see cref="ServerProcess.HasExited"/>.</summary>
    public IReadOnlyList<ServerProcess> Nodes => [.. _slots.Select(s => s.Process ?? throw new InvalidOperationException($"Node {s.Index} was never started."))];

    /// <summary>The proxies between the nodes, to partition them; only for a cluster started with <c>proxiedRemoting</c>.</summary>
    public RemotingNetwork Network => _network ?? throw new InvalidOperationException("The cluster was started without proxiedRemoting.");

    /// <summary>The seed node addresses every node is given (the initial nodes, node 0 first).</summary>
    public IReadOnlyList<string> SeedNodes => _seedNodes;

    /// <summary>Number of node places, running or not (initial nodes plus those added by <see cref="StartNodeAsync"/>).</summary>
    public int Count => _slots.Count;

    /// <summary>Node <paramref name="index"/>'s Akka address, as <c>/v1/cluster</c> reports it.</summary>
    public string AddressOf(int index) => _slots[index].Address;

    public bool IsRunning(int index) => _slots[index].IsRunning;

    /// <summary>
    /// Starts <paramref name="nodes"/> servers at once on <paramref name="database"/> and returns when each serves HTTP
    /// (which each does only once it is an Up member and its held locks are recovered). Wait for
    /// <see cref="WaitForMembersUpAsync"/> before relying on every node seeing the others.
    /// </summary>
    /// <param name="environment">
    /// Added to every node's environment, after the cluster's own; e.g. users (<c>AkkaLocks__Users__name__Password</c>) or
    /// <c>AkkaLocks__Cluster__StableAfter</c> (default here <see cref="DefaultStableAfter"/>).
    /// </param>
    /// <param name="proxiedRemoting">Put a <see cref="RemotingProxy"/> in front of every node, so <see cref="Network"/> can partition them.</param>
    public static async Task<ServerCluster> StartAsync(
        int nodes, PostgresDatabase database, IReadOnlyDictionary<string, string>? environment = null, bool proxiedRemoting = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodes, 1);
        var cluster = new ServerCluster(nodes, database, environment, proxiedRemoting);
        try
        {
            // Together: node 0 forms the cluster as soon as the other seeds answered "not a member yet", instead of
            // waiting out the seed-node timeout for seeds that are not running.
            await Task.WhenAll(Enumerable.Range(0, nodes).Select(cluster.StartNodeAsync));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts node <paramref name="index"/> again (same HTTP port, remoting port and data directory) after a kill or stop;
    /// with <paramref name="index"/> == <see cref="Count"/>, adds a new node. Either joins the running nodes through the seeds.
    /// </summary>
    public async Task<ServerProcess> StartNodeAsync(int index)
    {
        if (index == _slots.Count) AddSlot();
        var slot = _slots[index];
        if (slot.IsRunning) throw new InvalidOperationException($"Node {index} is running.");
        if (slot.Process is not null) await slot.Process.DisposeAsync();
        slot.Process = await ServerProcess.StartAsync(slot.DataDirectory, slot.HttpPort, EnvironmentOf(slot), NodeStartTimeout);
        return slot.Process;
    }

    /// <summary>SIGKILL: the node vanishes without leaving; the others notice it unreachable and the resolver downs it.</summary>
    public Task KillAsync(int index) => RunningProcess(index).KillAsync();

    /// <summary>SIGTERM and wait for the exit: the node leaves the cluster, handing its shards off. Returns the exit code.</summary>
    public Task<int> StopGracefullyAsync(int index, TimeSpan? timeout = null) =>
        RunningProcess(index).TerminateAsync(timeout ?? DefaultTimeout);

    /// <summary>
    /// Waits until EVERY running node reports exactly <paramref name="count"/> members, all Up and reachable (so a
    /// killed node has been downed and removed, a stopped one has left, a started one has joined). Returns node
    /// views by index (null for nodes not running). Throws <see cref="TimeoutException"/> with the last views.
    /// </summary>
    public async Task<IReadOnlyList<ClusterStatus?>> WaitForMembersUpAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        IReadOnlyList<ClusterStatus?> views = [];
        while (DateTime.UtcNow < deadline)
        {
            views = await ViewsAsync();
            if (views.Any(v => v is not null) && views.All(v => v is null || AllUp(v, count))) return views;
            await Task.Delay(PollInterval);
        }
        throw new TimeoutException($"The running nodes did not all see {count} members up; last views:\n{JsonSerializer.Serialize(views, Json)}");
    }

    /// <summary>
    /// Waits until node <paramref name="index"/> hosts at least one lock shard. A node that joins after the shards were
    /// allocated (all of them go to the first node whose start woke them) receives some only when the coordinator
    /// rebalances, a few shards every 10 s.
    /// </summary>
    public async Task WaitUntilHostingShardsAsync(int index, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while ((await StatusAsync(index)).HostedShards == 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Node {index} received no shard within {timeout ?? DefaultTimeout}.");
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>
    /// Waits until node <paramref name="observer"/> sees every member Up and reachable and node <paramref name="index"/>
    /// no more among them (downed, then removed). Only the observer is asked, so <paramref name="index"/> may be frozen.
    /// </summary>
    public async Task WaitUntilRemovedAsync(int index, int observer, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var view = await StatusAsync(observer);
            if (view.Members.All(m => m.Address != AddressOf(index) && m is { Status: "up", Reachable: true })) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Node {index} not removed within {timeout}: {JsonSerializer.Serialize(view, Json)}");
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Node <paramref name="index"/>'s view of the cluster (<c>GET /v1/cluster</c>).</summary>
    public async Task<ClusterStatus> StatusAsync(int index) =>
        (await RunningProcess(index).Http.GetFromJsonAsync<ClusterStatus>("/v1/cluster", Json))!;

    /// <summary>Kills every node still running and deletes their data directories (the database stays, for inspection).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var slot in _slots.Where(s => s.Process is not null)) await slot.Process!.DisposeAsync();
        if (_network is not null) await _network.DisposeAsync();
        _root.Dispose();
    }

    private static bool AllUp(ClusterStatus view, int count) =>
        view.Members.Count == count && view.Members.All(m => m is { Status: "up", Reachable: true });

    private async Task<IReadOnlyList<ClusterStatus?>> ViewsAsync()
    {
        var views = new List<ClusterStatus?>();
        for (var i = 0; i < _slots.Count; i++)
        {
            if (!_slots[i].IsRunning) { views.Add(null); continue; }
            try { views.Add(await StatusAsync(i)); }
            catch (HttpRequestException) { views.Add(new ClusterStatus(AddressOf(i), "unanswered", null, [])); }
        }
        return views;
    }

    private ServerProcess RunningProcess(int index) =>
        _slots[index].IsRunning ? _slots[index].Process! : throw new InvalidOperationException($"Node {index} is not running.");

    private void AddSlot()
    {
        var index = _slots.Count;
        var ports = TestPorts.Reserve(2);
        var advertisedPort = _network?.AddNode(ports[1]) ?? ports[1];
        _slots.Add(new ClusterNodeSlot(index, ports[0], ports[1], advertisedPort, Path.Combine(_root.Path, $"node-{index}")));
    }

    private Dictionary<string, string> EnvironmentOf(ClusterNodeSlot slot)
    {
        var environment = PostgresEnvironment.For(_database);
        environment["AkkaLocks__Cluster__Hostname"] = "127.0.0.1";
        environment["AkkaLocks__Cluster__Port"] = slot.RemotingPort.ToString();
        if (slot.IsProxied) environment["AkkaLocks__Cluster__PublicPort"] = slot.AdvertisedPort.ToString();
        for (var i = 0; i < _seedNodes.Count; i++) environment[$"AkkaLocks__Cluster__SeedNodes__{i}"] = _seedNodes[i];
        environment["AkkaLocks__Cluster__StableAfter"] = DefaultStableAfter;
        foreach (var (name, value) in _environment) environment[name] = value;
        return environment;
    }
}
