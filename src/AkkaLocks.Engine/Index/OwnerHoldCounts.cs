using System.Collections.Concurrent;

namespace AkkaLocks.Engine.Index;

/// <summary>
/// How many locks each owner holds, as the held-locks index counts them (cluster-wide in a cluster). The index actor is
/// its one writer; the per-owner limit reads it from any request thread, so an acquire checks the limit with a lookup
/// instead of an ask of the index actor (a hop through one actor per node that every acquire would queue behind).
/// </summary>
public sealed class OwnerHoldCounts
{
    private readonly ConcurrentDictionary<string, int> _held = new(StringComparer.Ordinal);

    public int HeldBy(string owner) => _held.GetValueOrDefault(owner);

    internal void Change(string owner, int change)
    {
        var count = _held.GetValueOrDefault(owner) + change;
        if (count > 0) _held[owner] = count;
        else _held.TryRemove(owner, out _);
    }
}
