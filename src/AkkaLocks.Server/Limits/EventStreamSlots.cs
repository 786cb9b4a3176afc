using AkkaLocks.Server.Hosting;
using Microsoft.Extensions.Options;

namespace AkkaLocks.Server.Limits;

/// <summary>
/// Counts the open <c>/v1/events</c> streams: each holds a connection, a feed subscription and a buffer for as long as
/// the client likes, so their number is bounded (<see cref="LimitSettings.MaxEventStreams"/>) and one more is refused.
/// </summary>
public sealed class EventStreamSlots(IOptions<AkkaLocksServerOptions> options)
{
    private int _open;

    public int Max => options.Value.Limits.MaxEventStreams;

    public int Open => Volatile.Read(ref _open);

    /// <summary>A slot to dispose of when the stream ends, or null when all are taken.</summary>
    public IDisposable? TryTake()
    {
        if (Interlocked.Increment(ref _open) <= Max) return new Slot(this);
        Interlocked.Decrement(ref _open);
        return null;
    }

    private sealed class Slot(EventStreamSlots slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) Interlocked.Decrement(ref slots._open);
        }
    }
}
