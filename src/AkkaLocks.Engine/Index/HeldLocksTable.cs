using AkkaLocks.Core;

namespace AkkaLocks.Engine.Index;

/// <summary>
/// The newest <see cref="HeldLockEntry"/> of every lock the index heard of, by context then name. Entries are
/// merged by version, never by arrival, so the table ends up the same whatever order they came in.
/// Hash maps, sorted only when listed: every transition of every lock looks its lock up here twice, and with sorted
/// maps over 10,000 locks that was the costliest managed frame of a lock request (docs/benchmarks.md); listings are rare.
/// Not thread-safe: owned by <see cref="HeldLocksIndexActor"/>; only its per-owner counts are read from other threads.
/// </summary>
internal sealed class HeldLocksTable(OwnerHoldCounts heldByOwner)
{
    public HeldLocksTable() : this(new OwnerHoldCounts()) { }

    private readonly Dictionary<string, Dictionary<string, HeldLockEntry>> _byContext = new(StringComparer.Ordinal);

    public HeldLockEntry? Find(LockKey key) =>
        _byContext.TryGetValue(key.Context, out var names) && names.TryGetValue(key.Name, out var entry) ? entry : null;

    /// <summary>
    /// Keeps <paramref name="entry"/> if it is newer than what is known, or as new when it <paramref name="supersedesEqual"/>
    /// (a transition of this node, which arrives in the lock's own order); says whether it did.
    /// </summary>
    public bool Merge(LockKey key, HeldLockEntry entry, bool supersedesEqual = false)
    {
        if (!_byContext.TryGetValue(key.Context, out var names))
            _byContext[key.Context] = names = new Dictionary<string, HeldLockEntry>(StringComparer.Ordinal);
        if (names.TryGetValue(key.Name, out var known) && (supersedesEqual ? known.IsNewerThan(entry) : !entry.IsNewerThan(known))) return false;
        // Counted beside the entries so the per-owner limit costs one lookup per acquire, not a scan of every held lock.
        if (known?.Holder is { } previous) heldByOwner.Change(previous.Owner, -1);
        if (entry.Holder is { } holder) heldByOwner.Change(holder.Owner, +1);
        names[key.Name] = entry;
        return true;
    }

    /// <summary>Every entry, held or ended (tombstones included).</summary>
    public IEnumerable<(LockKey Key, HeldLockEntry Entry)> Entries() =>
        _byContext.SelectMany(c => c.Value.Select(n => (new LockKey(c.Key, n.Key), n.Value)));

    /// <summary>How many locks <paramref name="owner"/> holds, counting a lapsed one until its expiry is recorded.</summary>
    public int CountHeldBy(string owner) => heldByOwner.HeldBy(owner);

    /// <summary>The locks held at <paramref name="now"/>: not ended and not past their deadline.</summary>
    public List<HeldLock> Held(string? context, DateTimeOffset now)
    {
        var contexts = context is null ? _byContext : _byContext.Where(c => c.Key == context);
        return contexts
            .SelectMany(c => c.Value
                .Where(n => n.Value.Holder is { } holder && holder.IsLiveAt(now))
                .Select(n => new HeldLock(new LockKey(c.Key, n.Key), n.Value.Holder!)))
            .OrderBy(l => l.Key.Context, StringComparer.Ordinal)
            .ThenBy(l => l.Key.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Forgets the tombstones of grants that ended before <paramref name="horizon"/>; returns their keys.</summary>
    public List<LockKey> ForgetEndedBefore(DateTimeOffset horizon)
    {
        var forgotten = new List<LockKey>();
        foreach (var (context, names) in _byContext)
        {
            foreach (var (name, entry) in names)
            {
                if (entry.HasEnded && entry.ChangedAt < horizon) forgotten.Add(new LockKey(context, name));
            }
        }
        foreach (var key in forgotten)
        {
            var names = _byContext[key.Context];
            names.Remove(key.Name);
            if (names.Count == 0) _byContext.Remove(key.Context);
        }
        return forgotten;
    }
}
