using Akka.Actor;
using Akka.Cluster;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AkkaLocks.Server.Health;

/// <summary>Healthy while this node is an Up member of the cluster, so its shards can serve locks.</summary>
internal sealed class ClusterMemberUpHealthCheck(ActorSystem system) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = Cluster.Get(system).SelfMember.Status;
        return Task.FromResult(status == MemberStatus.Up
            ? HealthCheckResult.Healthy("This node is an Up cluster member.")
            : HealthCheckResult.Unhealthy($"This node's cluster status is {status}."));
    }
}
