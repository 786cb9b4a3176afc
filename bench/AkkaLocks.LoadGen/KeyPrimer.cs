using AkkaLocks.LoadGen.Targets;

namespace AkkaLocks.LoadGen;

/// <summary>
/// Locks and releases every key of a workload once before it is measured, with as many sessions as it takes to be quick,
/// so each target is measured in its steady state with its keys in use (AkkaLocks: each lock's actor started and
/// recovered; etcd and Redis: keys' pages warm) rather than on its first touch of every key. Outcomes are not counted.
/// </summary>
internal static class KeyPrimer
{
    private const int Sessions = 64;

    public static async Task PrimeAsync(ILockTarget target, Workload workload, CancellationToken cancellationToken)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Sessions).Select(async worker =>
        {
            await using var session = await target.OpenAsync(10_000 + worker, cancellationToken);
            int index;
            while ((index = Interlocked.Increment(ref next)) < workload.Keys)
            {
                var key = "k" + index;
                var attempt = await session.AcquireAsync(key, wait: false, TimeSpan.Zero, cancellationToken);
                if (attempt.Status == AttemptStatus.Acquired) await session.ReleaseAsync(key, attempt.Token!, cancellationToken);
            }
        }));
    }
}
