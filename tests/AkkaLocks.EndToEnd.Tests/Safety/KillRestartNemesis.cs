namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>Kills the server with SIGKILL at random moments and restarts it on the same data directory and port.</summary>
public sealed class KillRestartNemesis(string dataDirectory, int port, int minimumKills = 3) : INemesis
{
    public string Name => "kill -9";

    public string Strikes => $"{Kills} kills";

    public int Kills { get; private set; }

    public ServerProcess? Server { get; private set; }

    public async Task StartAsync() => Server = await ServerProcess.StartAsync(dataDirectory, port);

    /// <summary>Strikes for at least <paramref name="duration"/> and at least the minimum number of kills, however slow restarts are.</summary>
    public async Task RunAsync(TimeSpan duration, Random random)
    {
        var until = DateTime.UtcNow + duration;
        while (Kills < minimumKills || DateTime.UtcNow < until)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1500, 4000)));
            await Server!.KillAsync();
            Kills++;
            await Server.DisposeAsync();
            Server = await ServerProcess.StartAsync(dataDirectory, port);
        }
        await Task.Delay(TimeSpan.FromSeconds(2));   // let the clients work on the last restart too
    }
}
