namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>
/// Clients that give up: while it strikes, a share of the workload's requests is cancelled after a random delay,
/// which closes the connection mid-request, or mid-wait for a request queued for a busy lock. The server must
/// drop an abandoned waiter from the queue and release a grant that reached a caller already gone.
/// </summary>
public sealed class ClientDisconnectNemesis(double share, TimeSpan latestCut) : INemesis
{
    private int _cuts;
    private volatile bool _striking;

    public string Name => "client disconnect";

    public string Strikes => $"{_cuts} requests cut after 0–{latestCut.TotalMilliseconds:0} ms";

    /// <summary>A source that cancels the next request after a random delay, or null when that request is spared.</summary>
    public CancellationTokenSource? NextCut(Random random)
    {
        if (!_striking || random.NextDouble() >= share) return null;
        Interlocked.Increment(ref _cuts);
        var cut = new CancellationTokenSource();
        cut.CancelAfter(latestCut * random.NextDouble());
        return cut;
    }

    public async Task RunAsync(TimeSpan duration, Random random)
    {
        _striking = true;
        await Task.Delay(duration);
        _striking = false;
        await Task.Delay(TimeSpan.FromSeconds(1));   // the queues settle without cuts
    }
}
