using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>
/// Jepsen-style: concurrent clients compete for three locks while the server is killed with SIGKILL and
/// restarted; the recorded history must show no violation. Short by default (inside ./test.sh); set
/// AKKALOCKS_SAFETY_SECONDS for a longer soak (./safety.sh).
/// </summary>
[Trait("Category", "Safety")]
public sealed class SafetyUnderFaultsTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Duration =
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("AKKALOCKS_SAFETY_SECONDS"), out var s) ? s : 20);

    [Fact]
    public async Task Clients_see_no_violation_while_the_server_is_killed_and_restarted()
    {
        using var data = new TemporaryDirectory();
        var port = FreeTcpPort();
        var nemesis = new KillRestartNemesis(data.Path, port);
        await nemesis.StartAsync();
        try
        {
            var workload = new LockWorkload(new Uri($"http://127.0.0.1:{port}"), clients: 8, keys: ["a", "b", "c"]);
            using var stop = new CancellationTokenSource();

            var history = workload.RunAsync(stop.Token);
            await nemesis.RunAsync(Duration, minimumKills: 3, new Random(42));
            await stop.CancelAsync();
            var report = LockHistoryChecker.Check(await history);

            output.WriteLine($"kill -9 nemesis: {nemesis.Kills} kills; {report}");
            Assert.Empty(report.Violations);
            Assert.True(nemesis.Kills >= 3, "the nemesis must have struck");
            Assert.True(report.Grants >= 20, $"too few grants ({report.Grants}) to say anything");
        }
        finally
        {
            if (nemesis.Server is { } server) await server.DisposeAsync();
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
