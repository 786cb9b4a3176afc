using System.Threading.Channels;
using AkkaLocks.Core;

namespace AkkaLocks.Engine.Events;

/// <summary>
/// Every lock transition this node hosts, numbered, with a bounded window of recent ones kept for resuming
/// watchers. Fed from the actor system's event stream (<see cref="LockEventFeedActor"/>). Each subscriber reads
/// through a bounded buffer of its own: one that falls that far behind is ended rather than slowing the others
/// or growing memory, and resumes with the id of the last entry it saw.
/// </summary>
public sealed class LockEventFeed(LockEventFeedOptions options)
{
    private readonly Lock _gate = new();
    private readonly Queue<LockFeedEvent> _window = new();
    private readonly List<Channel<LockFeedEvent>> _subscribers = [];
    private long _lastId;

    public LockEventFeed() : this(new LockEventFeedOptions())
    {
    }

    /// <summary>The id of the newest entry; 0 before the first.</summary>
    public long LastId
    {
        get { lock (_gate) return _lastId; }
    }

    /// <summary>Numbers a lock event or waiter notice and hands it to every subscriber; anything else is ignored.</summary>
    public void Append(object message)
    {
        lock (_gate)
        {
            if (LockTransitions.Describe(message, _lastId + 1) is not { } entry) return;
            _lastId = entry.Id;
            _window.Enqueue(entry);
            while (_window.Count > options.WindowSize) _window.Dequeue();
            for (var i = _subscribers.Count - 1; i >= 0; i--)
            {
                if (_subscribers[i].Writer.TryWrite(entry)) continue;
                // Too far behind: end its stream; it can resume from its last id.
                _subscribers[i].Writer.TryComplete();
                _subscribers.RemoveAt(i);
            }
        }
    }

    /// <summary>
    /// The entries after <paramref name="afterId"/> still in the window, then every new one, filtered by
    /// <paramref name="filter"/>; until <paramref name="cancellationToken"/> fires or the subscriber falls behind.
    /// An <paramref name="afterId"/> ahead of this feed (the server restarted) replays the whole window.
    /// The subscription starts on this call, not on the first read, so nothing appended after it is missed.
    /// </summary>
    public IAsyncEnumerable<LockFeedEvent> Subscribe(long? afterId, Func<LockKey, bool> filter, CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<LockFeedEvent>(new BoundedChannelOptions(options.SubscriberBuffer)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,   // TryWrite fails when full, which ends the subscriber
        });
        List<LockFeedEvent> replay;
        lock (_gate)
        {
            var after = afterId is { } a && a <= _lastId ? a : (afterId is null ? _lastId : 0);
            replay = _window.Where(e => e.Id > after).ToList();
            _subscribers.Add(channel);
        }
        return ReadAsync(replay, channel, filter, cancellationToken);
    }

    private async IAsyncEnumerable<LockFeedEvent> ReadAsync(
        List<LockFeedEvent> replay, Channel<LockFeedEvent> channel, Func<LockKey, bool> filter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            foreach (var entry in replay.Where(e => filter(e.Key))) yield return entry;
            await foreach (var entry in channel.Reader.ReadAllAsync(cancellationToken))
            {
                if (filter(entry.Key)) yield return entry;
            }
        }
        finally
        {
            lock (_gate) _subscribers.Remove(channel);
        }
    }
}
