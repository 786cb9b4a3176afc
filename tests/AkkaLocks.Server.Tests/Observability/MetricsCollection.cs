namespace AkkaLocks.Server.Tests.Observability;

/// <summary>
/// Meters are process-wide: while other test servers run in this process, /metrics could read their
/// "AkkaLocks" meter. Tests that read metrics run alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics (one server in the process)";
}
