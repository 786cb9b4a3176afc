namespace AkkaLocks.EndToEnd.Tests.Cluster;

/// <summary>
/// The network between the nodes of a <see cref="ServerCluster"/> started with <c>proxiedRemoting</c>: a
/// <see cref="RemotingProxy"/> in front of every node's remoting port, which the node advertises as its own. Cutting a
/// link takes two proxies, because Akka.Remote sends replies back over the connection a message came in on
/// (<c>use-passive-connections = on</c>): node A's messages to B travel A → B's proxy → B, and B's answers may come back
/// over that same connection without ever touching A's proxy. So a partition makes each side's proxies refuse the
/// connections the other side opens; then nothing crosses, in either direction, on any connection.
/// </summary>
public sealed class RemotingNetwork : IAsyncDisposable
{
    /// <summary>The host every proxy listens on and every node advertises.</summary>
    public const string Hostname = "127.0.0.1";

    private readonly AkkaHandshakeOrigin _origins = new();
    private readonly List<RemotingProxy> _proxies = [];

    /// <summary>Connections cut or refused by partitions so far.</summary>
    public int Refusals => _proxies.Sum(p => p.Refusals);

    /// <summary>Connections whose opening node could not be told (relayed anyway); any would make a partition leaky.</summary>
    public int Unidentified => _proxies.Sum(p => p.Unidentified);

    /// <summary>
    /// Cuts every link between the nodes of <paramref name="side"/> and all others, both ways, until <see cref="Heal"/>:
    /// open connections are closed and new ones closed before their first byte is relayed.
    /// </summary>
    public void Partition(IReadOnlyCollection<int> side)
    {
        var others = Enumerable.Range(0, _proxies.Count).Except(side).ToList();
        foreach (var node in side) _proxies[node].Refuse(others);
        foreach (var node in others) _proxies[node].Refuse(side);
    }

    /// <summary>Cuts node <paramref name="node"/> off from every other node.</summary>
    public void Isolate(int node) => Partition([node]);

    /// <summary>Lets every node connect to every other again (Akka retries its associations by itself).</summary>
    public void Heal() => _proxies.ForEach(p => p.AdmitAll());

    public async ValueTask DisposeAsync()
    {
        foreach (var proxy in _proxies) await proxy.DisposeAsync();
    }

    /// <summary>Puts a proxy in front of the next node's <paramref name="remotingPort"/>; returns the port it advertises.</summary>
    internal int AddNode(int remotingPort)
    {
        var proxy = new RemotingProxy(remotingPort, _origins);
        _origins.Add(_proxies.Count, Hostname, proxy.Port);
        _proxies.Add(proxy);
        return proxy.Port;
    }
}
