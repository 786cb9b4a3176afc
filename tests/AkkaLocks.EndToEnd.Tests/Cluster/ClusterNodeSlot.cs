namespace AkkaLocks.EndToEnd.Tests.Cluster;

/// <summary>
/// One place in a <see cref="ServerCluster"/>: the ports and data directory a node keeps across restarts (so it comes
/// back at the same HTTP URL and Akka address), and the process currently or last running there.
/// </summary>
internal sealed class ClusterNodeSlot(int index, int httpPort, int remotingPort, string dataDirectory)
{
    public int Index { get; } = index;

    public int HttpPort { get; } = httpPort;

    public int RemotingPort { get; } = remotingPort;

    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The node's Akka address: the actor system is always named akkalocks, remoting speaks akka.tcp.</summary>
    public string Address => $"akka.tcp://{ServerCluster.ActorSystemName}@127.0.0.1:{RemotingPort}";

    /// <summary>Null until first started; afterwards the latest process, which may have exited.</summary>
    public ServerProcess? Process { get; set; }

    public bool IsRunning => Process is { HasExited: false };
}
