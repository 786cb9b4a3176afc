using AkkaLocks.Contracts;
using Xunit.Abstractions;

namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>
/// Jepsen-style: concurrent clients compete for a few locks while a nemesis strikes (the server killed with SIGKILL
/// and restarted; frozen with SIGSTOP past the clients' timeout; clients hanging up mid-request and mid-wait); the
/// recorded history must show no violation. Short by default (inside ./test.sh); AKKALOCKS_SAFETY_SECONDS sets the
/// time each nemesis strikes for a longer soak (./safety.sh).
/// </summary>
[Trait("Category", "Safety")]
public sealed class SafetyUnderFaultsTests(ITestOutputHelper output)
{
    private static readonly int? SoakSeconds =
        int.TryParse(Environment.GetEnvironmentVariable("AKKALOCKS_SAFETY_SECONDS"), out var s) ? s : null;

    private static TimeSpan Duration(int shortSeconds) => TimeSpan.FromSeconds(SoakSeconds ?? shortSeconds);

    [Fact]
    public async Task Clients_see_no_violation_while_the_server_is_killed_and_restarted()
    {
        using var data = new TemporaryDirectory();
        var nemesis = new KillRestartNemesis(data.Path, TestPorts.Reserve(), minimumKills: 3);
        await nemesis.StartAsync();
        try
        {
            var workload = new LockWorkload(nemesis.Server!.BaseAddress, clients: 8, keys: ["a", "b", "c"]);
            var run = Duration(20);
            using var stop = new CancellationTokenSource();
            var history = workload.RunAsync(stop.Token);
            await nemesis.RunAsync(run, new Random(42));
            await stop.CancelAsync();

            var report = new NemesisReport(nemesis, run, LockHistoryChecker.Check(await history));
            output.WriteLine(report.ToString());
            Assert.Empty(report.Violations);
            Assert.True(nemesis.Kills >= 3, "the nemesis must have struck");
            Assert.True(report.Check.Grants >= 20, $"too few grants ({report.Check.Grants}) to say anything");
        }
        finally
        {
            if (nemesis.Server is { } server) await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Clients_see_no_violation_while_the_server_is_frozen_past_their_timeout()
    {
        using var data = new TemporaryDirectory();
        await using var server = await ServerProcess.StartAsync(data.Path);
        // The clients give up after 3 s; every pause outlasts that.
        var nemesis = new PauseResumeNemesis(server, TimeSpan.FromSeconds(3.5), TimeSpan.FromSeconds(5), minimumPauses: 2);
        await using var events = await ServerEventLog.StartAsync(server.BaseAddress, LockWorkload.Context);
        var workload = new LockWorkload(server.BaseAddress, clients: 8, keys: ["a", "b", "c"]);
        var run = Duration(10);
        using var stop = new CancellationTokenSource();
        var history = workload.RunAsync(stop.Token);
        await nemesis.RunAsync(run, new Random(7));
        await stop.CancelAsync();

        var log = await events.StopAsync();
        var serverViolations = ServerEventLogChecker.CheckExclusion(log);
        var report = new NemesisReport(nemesis, run, LockHistoryChecker.Check(await history),
            [$"server's log: {log.Count} events, {serverViolations.Count} exclusion violations", .. serverViolations.Take(20)]);
        output.WriteLine(report.ToString());
        Assert.Empty(report.Violations);
        Assert.Empty(serverViolations);
        AssertServerLogSawGrants(log);
        Assert.True(nemesis.Pauses >= 2, "the nemesis must have struck");
        Assert.True(report.Check.Grants >= 20, $"too few grants ({report.Check.Grants}) to say anything");
    }

    [Fact]
    public async Task Callers_that_hang_up_mid_request_or_mid_wait_never_keep_a_lock()
    {
        using var data = new TemporaryDirectory();
        await using var server = await ServerProcess.StartAsync(data.Path);
        var nemesis = new ClientDisconnectNemesis(share: 0.3, latestCut: TimeSpan.FromMilliseconds(600));
        await using var events = await ServerEventLog.StartAsync(server.BaseAddress, WaitingLockWorkload.Context);
        var workload = new WaitingLockWorkload(server.BaseAddress, clients: 8, keys: ["a", "b"], nemesis);
        var run = Duration(8);
        using var stop = new CancellationTokenSource();
        var history = workload.RunAsync(stop.Token);
        await nemesis.RunAsync(run, new Random(3));
        await stop.CancelAsync();

        var operations = await history;
        await Task.Delay(WaitingLockWorkload.AbandonableTtl + TimeSpan.FromSeconds(1));   // a grant that raced a hang-up has expired
        var log = await events.StopAsync();
        var serverViolations = ServerEventLogChecker.CheckExclusion(log);
        var abandoned = ServerEventLogChecker.CheckAbandonedGrants(log, workload.AbandonedOwners);
        var report = new NemesisReport(nemesis, run, LockHistoryChecker.Check(operations),
            [$"server's log: {log.Count} events, {serverViolations.Count} exclusion violations", abandoned.ToString(),
             .. serverViolations.Take(20), .. abandoned.Violations.Take(20)]);
        output.WriteLine(report.ToString());
        Assert.Empty(report.Violations);
        Assert.Empty(serverViolations);
        Assert.Empty(abandoned.Violations);
        AssertServerLogSawGrants(log);
        Assert.True(abandoned.Abandoned >= 10, $"too few abandoned requests ({abandoned.Abandoned}) to say anything");
        Assert.True(report.Check.Grants >= 20, $"too few grants ({report.Check.Grants}) to say anything");
    }

    /// <summary>An empty log (a reader that kept nothing) would pass every server-side check: seen when its parser was mutated.</summary>
    private static void AssertServerLogSawGrants(IReadOnlyList<ServerEvent> log)
    {
        var grants = log.Count(e => e.Type == LockEventTypes.Acquired);
        Assert.True(grants >= 20, $"the server's log holds {grants} grants: too few to say anything");
    }
}
