using Akka.Actor;

namespace AkkaLocks.Server.Hosting;

/// <summary>
/// Makes the process exit code a failure when the actor system ended without the host asking: downed by the Split
/// Brain Resolver, made to leave by another node, a failed join. Such a node has no engine left; Akka.Hosting already
/// stops the web host then (and sets a failure code for downing and leaving only, in an internal class), and this
/// makes the failure ours for every reason, with a log line that says why, so a supervisor (systemd
/// <c>Restart=on-failure</c>, Docker, Kubernetes) starts the node again as a new incarnation. A stop the host asked for
/// (SIGTERM, <c>POST /api/control/run false</c>) runs coordinated shutdown with the CLR exit reason and exits 0.
/// </summary>
internal sealed class ActorSystemExitCode(ActorSystem system, IHostApplicationLifetime lifetime, ILogger<ActorSystemExitCode> logger)
    : IHostedService
{
    /// <summary>Documented in docs/cluster.md; any non-zero code would do, a fixed one lets operators tell it apart.</summary>
    public const int Terminated = 3;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Once every hosted service has stopped: after Akka.Hosting's own hook, so this has the last word.
        lifetime.ApplicationStopped.Register(Apply);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Apply()
    {
        var reason = CoordinatedShutdown.Get(system).ShutdownReason;
        if (reason is null or CoordinatedShutdown.ClrExitReason) return;
        logger.LogCritical(
            "The actor system ended ({Reason}) without the host asking: exiting with code {ExitCode} so a supervisor restarts this node",
            reason.GetType().Name, Terminated);
        Environment.ExitCode = Terminated;
    }
}
