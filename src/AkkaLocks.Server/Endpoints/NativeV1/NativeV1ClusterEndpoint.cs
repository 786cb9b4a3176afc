using System.Text;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using AkkaLocks.Engine;
using AkkaLocks.Engine.Sharding;
using AkkaLocks.Contracts;
using AkkaLocks.Server.Auth;

namespace AkkaLocks.Server.Endpoints.NativeV1;

/// <summary>
/// <c>GET /v1/cluster</c>: this node's view of the cluster membership, read only. Operators (and the multi-node tests)
/// see whether every node is Up and reachable, which /healthcheck (this node only) cannot tell, and how many locks it hosts.
/// </summary>
internal static class NativeV1ClusterEndpoint
{
    public static void MapClusterEndpoint(this RouteGroupBuilder v1) =>
        v1.MapGet("/cluster", Status).WithName("ClusterStatus").RequireAuthorization(AccessPolicies.V1Read)
            .WithSummary("This node's view of the cluster: its own address and status, the leader, and every member with status and reachability");

    private static async Task<ClusterStatus> Status(ActorSystem system, IRequiredActor<LockRegion> region, AkkaLocksEngineOptions options, CancellationToken cancellationToken)
    {
        var hosted = await (await region.GetAsync(cancellationToken))
            .Ask<CurrentShardRegionState>(GetShardRegionState.Instance, options.AskTimeout, cancellationToken);
        var cluster = Cluster.Get(system);
        var state = cluster.State;   // the gossip this node has seen; no round trip
        var unreachable = state.Unreachable.Select(m => m.UniqueAddress).ToHashSet();
        var members = state.Members
            .Select(m => new ClusterMemberInfo(m.Address.ToString(), StatusName(m.Status), !unreachable.Contains(m.UniqueAddress), [.. m.Roles.Order(StringComparer.Ordinal)]))
            .ToList();
        return new ClusterStatus(cluster.SelfAddress.ToString(), StatusName(cluster.SelfMember.Status), state.Leader?.ToString(), members,
            hosted.Shards.Count, hosted.Shards.Sum(s => s.EntityIds.Count));
    }

    /// <summary>WeaklyUp becomes weakly-up: the API's names are lower kebab case, like its event names.</summary>
    private static string StatusName(MemberStatus status)
    {
        var name = new StringBuilder();
        foreach (var c in status.ToString())
        {
            if (char.IsUpper(c) && name.Length > 0) name.Append('-');
            name.Append(char.ToLowerInvariant(c));
        }
        return name.ToString();
    }
}
