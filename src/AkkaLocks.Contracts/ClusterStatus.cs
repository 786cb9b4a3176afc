namespace AkkaLocks.Contracts;

/// <summary>
/// Answer of <c>GET /v1/cluster</c>: the cluster as the answering node sees it. <paramref name="Self"/> is that node's
/// Akka address (<c>akka.tcp://akkalocks@host:port</c>) and <paramref name="SelfStatus"/> its own membership status;
/// <paramref name="Leader"/> is null while there is none. <paramref name="HostedShards"/> and <paramref name="HostedLocks"/>
/// count the lock shards and the lock actors running on the answering node (shards move between nodes as they join and leave).
/// </summary>
public sealed record ClusterStatus(
    string Self,
    string SelfStatus,
    string? Leader,
    IReadOnlyList<ClusterMemberInfo> Members,
    int HostedShards = 0,
    int HostedLocks = 0);
