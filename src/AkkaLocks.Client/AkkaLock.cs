using AkkaLocks.Contracts;

namespace AkkaLocks.Client;

/// <summary>
/// One named lock, shaped like madelson/DistributedLock: <see cref="TryAcquireAsync"/> returns null when it stays
/// busy, <see cref="AcquireAsync"/> throws <see cref="TimeoutException"/>. Waiting happens on the server, in the
/// lock's FIFO queue, so waiters are served in order without polling. Not reentrant: each acquisition is a holder of its own.
/// </summary>
public sealed class AkkaLock
{
    private readonly AkkaLocksClient _client;

    internal AkkaLock(AkkaLocksClient client, string context, string name)
    {
        _client = client;
        Context = context;
        Name = name;
    }

    public string Context { get; }

    public string Name { get; }

    /// <summary>
    /// Takes the lock, waiting up to <paramref name="timeout"/> (default: not at all) in its queue; null if it is still
    /// busy then. Dispose the handle to release it; until then it is renewed automatically (see the options).
    /// </summary>
    public async Task<AkkaLockHandle?> TryAcquireAsync(TimeSpan timeout = default, CancellationToken cancellationToken = default)
    {
        var options = _client.Options;
        // A unique owner and request id per acquisition: a retried request is recognised and never granted twice,
        // and two handles of this process never pass for the same holder.
        var id = Guid.NewGuid().ToString("N");
        var request = new AcquireLockRequest(
            $"{options.Owner}#{id[..8]}", (long)options.Ttl.TotalMilliseconds, (long)Math.Max(0, timeout.TotalMilliseconds), RequestId: id);
        var sentAt = TimeProvider.System.GetTimestamp();
        var grant = await _client.TryAcquireAsync(Context, Name, request, cancellationToken);
        return grant is null ? null : new AkkaLockHandle(_client, grant, sentAt);
    }

    /// <summary>As <see cref="TryAcquireAsync"/>, waiting without limit when <paramref name="timeout"/> is null; throws <see cref="TimeoutException"/> if it stays busy.</summary>
    public async Task<AkkaLockHandle> AcquireAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        if (timeout is { } limit)
            return await TryAcquireAsync(limit, cancellationToken)
                ?? throw new TimeoutException($"The lock {Context}/{Name} was still held by another owner after {limit}.");
        while (true)
        {
            // The server bounds one wait (15 minutes); waiting without limit is a series of them.
            if (await TryAcquireAsync(MaxServerWait, cancellationToken) is { } handle) return handle;
        }
    }

    private static readonly TimeSpan MaxServerWait = TimeSpan.FromMinutes(15);
}
