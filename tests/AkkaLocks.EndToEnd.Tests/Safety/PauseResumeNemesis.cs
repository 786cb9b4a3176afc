namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>
/// Freezes the server with SIGSTOP for longer than the clients' request timeout, then lets it run on with SIGCONT:
/// requests pile up in the kernel's queues, clients give up on them (outcome unknown), and on waking the server
/// finds every timer overdue at once. Its clock kept running, so TTLs measured from grants must still hold.
/// </summary>
public sealed class PauseResumeNemesis(ServerProcess server, TimeSpan shortest, TimeSpan longest, int minimumPauses = 2) : INemesis
{
    public string Name => "SIGSTOP/SIGCONT";

    public string Strikes => $"{Pauses} pauses of {shortest.TotalSeconds:0.#}–{longest.TotalSeconds:0.#} s";

    public int Pauses { get; private set; }

    public async Task RunAsync(TimeSpan duration, Random random)
    {
        var until = DateTime.UtcNow + duration;
        while (Pauses < minimumPauses || DateTime.UtcNow < until)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1000, 2500)));
            server.Pause();
            try
            {
                await Task.Delay(shortest + (longest - shortest) * random.NextDouble());
            }
            finally
            {
                server.Resume();
            }
            Pauses++;
        }
        await Task.Delay(TimeSpan.FromSeconds(2));   // clients work on the woken server too
    }
}
