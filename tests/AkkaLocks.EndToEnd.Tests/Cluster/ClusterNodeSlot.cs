namespace AkkaLocks.EndToEnd.Tests.Cluster;

/// <summary>
/// One place in a <see cref="ServerCluster"/>: the ports and data directory a node keeps across restarts (so it comes
/// back at the same HTTP URL and Akka address), and the process currently or last running there.
/// </summary>
/// <param name="advertisedPort">The port other nodes reach it at: its <paramref name="remotingPort"/>, or its proxy's.</param>
internal sealed class ClusterNodeSlot(int index, int httpPort, int remotingPort, int advertisedPort, string dataDirectory)
{
    public int Index { get; } = index;

    public int HttpPort { get; } = httpPort;

    /// <summary>The port the node listens on for other nodes.</summary>
    public int RemotingPort { get; } = remotingPort;

    /// <summary>The port in its Akka address: <see cref="RemotingPort"/>, or the port of the proxy in front of it.</summary>
    public int AdvertisedPort { get; } = advertisedPort;

    public bool IsProxied => AdvertisedPort != RemotingPort;

    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The node's Akka address: the actor system is always named akkalocks, remoting speaks akka.tcp.</summary>
    public string Address => $"akka.tcp://{ServerCluster.ActorSystemName}@127.0.0.1:{AdvertisedPort}";

    /// <summary>Null until first started; afterwards the latest process, which may have exited.</summary>
    public ServerProcess? Process { get; set; }

    public bool IsRunning => Process is { HasExited: false };
}
