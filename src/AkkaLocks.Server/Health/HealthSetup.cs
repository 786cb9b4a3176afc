namespace AkkaLocks.Server.Health;

/// <summary>Registers the checks behind /healthcheck: the node is an Up cluster member and the journal answers.</summary>
internal static class HealthSetup
{
    public static IServiceCollection AddAkkaLocksHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<ClusterMemberUpHealthCheck>("cluster-member-up")
            .AddCheck<JournalHealthCheck>("journal");
        return services;
    }
}
