namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>Kills the server with SIGKILL at random moments and restarts it on the same data directory and port.</summary>
public sealed class KillRestartNemesis(string dataDirectory, int port)
{
    public int Kills { get; private set; }

    public ServerProcess? Server { get; private set; }

    public async Task StartAsync() => Server = await ServerProcess.StartAsync(dataDirectory, port);

    public async Task RunAsync(TimeSpan duration, Random random)
    {
        var until = DateTime.UtcNow + duration;
        while (DateTime.UtcNow + TimeSpan.FromSeconds(5) < until)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1500, 4000)));
            await Server!.KillAsync();
            Kills++;
            await Server.DisposeAsync();
            Server = await ServerProcess.StartAsync(dataDirectory, port);
        }
    }
}
