using AkkaLocks.Contracts;

namespace AkkaLocks.Client;

/// <summary>
/// A held lock. Renews itself at a fraction of its TTL while it lives; <see cref="HandleLostToken"/> is cancelled as soon
/// as the lock is known lost: a renewal refused (expired, force-released, taken over) or no renewal confirmed until the
/// safety margin before the TTL would run out. Disposing releases it.
/// </summary>
public sealed class AkkaLockHandle : IAsyncDisposable
{
    private readonly AkkaLocksClient _client;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeSpan _ttl;
    private readonly Task _renewal;
    private long _safeUntil;   // TimeProvider.System timestamp; the lock counts as lost from then on
    private int _disposed;

    internal AkkaLockHandle(AkkaLocksClient client, LockGrant grant, long sentAt)
    {
        _client = client;
        Grant = grant;
        _ttl = TimeSpan.FromMilliseconds(grant.TtlMs ?? 0);
        if (grant.TtlMs is null)
        {
            _renewal = Task.CompletedTask;   // held until released: nothing to renew, nothing can expire
            return;
        }
        // The server started the TTL after we sent the request, so counting from the send is on the safe side.
        _safeUntil = sentAt + Ticks(_ttl - client.Options.EffectiveSafetyMargin);
        _renewal = Task.Run(KeepAsync);
    }

    /// <summary>The grant as last confirmed (the handle, fencing token, expiry).</summary>
    public LockGrant Grant { get; private set; }

    /// <summary>Pass it to the resources this lock protects: a later holder always has a larger one.</summary>
    public long FencingToken => Grant.FencingToken;

    public string Context => Grant.Context;

    public string Name => Grant.Name;

    /// <summary>Cancelled when the lock is known lost (not when it is released by disposing this handle).</summary>
    public CancellationToken HandleLostToken => _lost.Token;

    /// <summary>Stops renewing and releases the lock (best effort: an unreachable server lets it expire instead).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stop.CancelAsync();
        await _renewal;
        if (!_lost.IsCancellationRequested)
        {
            try { await _client.ReleaseAsync(Context, Name, Grant.Handle); }
            catch (Exception e) when (e is HttpRequestException or TimeoutException or AkkaLocksApiException) { }
        }
        _stop.Dispose();
        _lost.Dispose();
    }

    private async Task KeepAsync()
    {
        var options = _client.Options;
        var every = _ttl * options.RenewalFraction;
        try
        {
            while (true)
            {
                var untilLost = Remaining() > TimeSpan.Zero ? Remaining() : TimeSpan.Zero;
                await Task.Delay(options.AutoRenew && every < untilLost ? every : untilLost, _stop.Token);
                if (Remaining() <= TimeSpan.Zero)
                {
                    await _lost.CancelAsync();
                    return;
                }
                if (!options.AutoRenew) continue;
                if (!await RenewAsync()) return;
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>One renewal; false when the lock is lost. A failed attempt is retried at the next turn, if the margin allows.</summary>
    private async Task<bool> RenewAsync()
    {
        var sentAt = TimeProvider.System.GetTimestamp();
        try
        {
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            attempt.CancelAfter(Remaining() > TimeSpan.Zero ? Remaining() : TimeSpan.FromMilliseconds(1));
            if (await _client.ExtendAsync(Context, Name, Grant.Handle, _ttl, attempt.Token) is not { } renewed)
            {
                await _lost.CancelAsync();
                return false;
            }
            Grant = renewed;
            _safeUntil = sentAt + Ticks(_ttl - _client.Options.EffectiveSafetyMargin);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or AkkaLocksApiException
                                  || (e is OperationCanceledException && !_stop.IsCancellationRequested))
        {
            // Transient: the next turn tries again, or declares the lock lost once the margin is reached.
        }
        return true;
    }

    private TimeSpan Remaining() => TimeProvider.System.GetElapsedTime(TimeProvider.System.GetTimestamp(), _safeUntil);

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * TimeProvider.System.TimestampFrequency);
}
