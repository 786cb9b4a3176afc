using Akka.Actor;
using Akka.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AkkaLocks.Server.Health;

/// <summary>
/// Healthy when the journal answers a real query (the highest sequence number of a probe id), so a
/// database that is down or unreachable shows here before a lock request times out on it.
/// </summary>
internal sealed class JournalHealthCheck(ActorSystem system) : IHealthCheck
{
    private const string ProbePersistenceId = "akkalocks-health-probe";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var journal = Akka.Persistence.Persistence.Instance.Apply(system).JournalFor(null);
        try
        {
            // A replay of at most zero events: the journal only reads the probe's highest sequence number.
            var answer = await journal.Ask<object>(
                replyTo => new ReplayMessages(0, long.MaxValue, 0, ProbePersistenceId, replyTo), Timeout, cancellationToken);
            return answer is RecoverySuccess
                ? HealthCheckResult.Healthy("The journal answers.")
                : HealthCheckResult.Unhealthy("The journal failed a query.", (answer as ReplayMessagesFailure)?.Cause);
        }
        catch (AskTimeoutException)
        {
            return HealthCheckResult.Unhealthy($"The journal did not answer within {Timeout.TotalSeconds:0} s.");
        }
    }
}
