using Akka.Actor;
using AkkaLocks.Core;

namespace AkkaLocks.Engine.Index;

/// <summary>
/// Keeps the set of held locks, fed by the lock transitions on the event stream, so that listings never
/// wake the actor of every lock that ever existed. Filters by deadline on every read: an expired lock
/// whose expiry event is still in flight is not listed.
/// </summary>
internal sealed class HeldLocksIndexActor : ReceiveActor
{
    private readonly SortedDictionary<string, SortedDictionary<string, LockHolder>> _byContext = new(StringComparer.Ordinal);

    // Kept beside the listing so the per-owner limit costs one lookup per acquire, not a scan of every held lock.
    private readonly Dictionary<string, int> _heldByOwner = new(StringComparer.Ordinal);

    public HeldLocksIndexActor()
    {
        Receive<LockAcquired>(e => Upsert(e.Key, e.ToHolder()));
        Receive<LockExtended>(OnExtended);
        Receive<LockEvent>(e => Remove(e.Key, e.FencingToken));
        Receive<HeldLockObserved>(o => Upsert(o.Key, o.Holder));
        Receive<ListHeldLocks>(q => Sender.Tell(new HeldLocks(List(q.Context, Context.System.Scheduler.Now))));
        Receive<CountHeldBy>(q => Sender.Tell(new HeldCount(q.Owner is null ? 0 : _heldByOwner.GetValueOrDefault(q.Owner))));
    }

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(LockEvent));
        Context.System.EventStream.Subscribe(Self, typeof(HeldLockObserved));
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void Upsert(LockKey key, LockHolder holder)
    {
        if (!_byContext.TryGetValue(key.Context, out var names))
            _byContext[key.Context] = names = new SortedDictionary<string, LockHolder>(StringComparer.Ordinal);
        // A recovery observation may arrive after a newer grant: keep the newest token.
        if (names.TryGetValue(key.Name, out var known) && known.FencingToken > holder.FencingToken) return;
        if (known is not null) CountOwner(known.Owner, -1);
        names[key.Name] = holder;
        CountOwner(holder.Owner, +1);
    }

    private void OnExtended(LockExtended e)
    {
        if (Find(e.Key) is { } holder && holder.FencingToken == e.FencingToken)
            _byContext[e.Key.Context][e.Key.Name] = holder with { Ttl = e.Ttl, ExpiresAt = e.ExpiresAt };
    }

    private void Remove(LockKey key, long fencingToken)
    {
        if (Find(key) is not { } holder || holder.FencingToken != fencingToken) return;
        var names = _byContext[key.Context];
        names.Remove(key.Name);
        CountOwner(holder.Owner, -1);
        if (names.Count == 0) _byContext.Remove(key.Context);
    }

    private void CountOwner(string owner, int change)
    {
        var count = _heldByOwner.GetValueOrDefault(owner) + change;
        if (count > 0) _heldByOwner[owner] = count;
        else _heldByOwner.Remove(owner);
    }

    private LockHolder? Find(LockKey key) =>
        _byContext.TryGetValue(key.Context, out var names) && names.TryGetValue(key.Name, out var h) ? h : null;

    private List<HeldLock> List(string? context, DateTimeOffset now)
    {
        var contexts = context is null
            ? _byContext
            : _byContext.Where(c => c.Key == context);
        return contexts
            .SelectMany(c => c.Value.Select(n => new HeldLock(new LockKey(c.Key, n.Key), n.Value)))
            .Where(l => l.Holder.IsLiveAt(now))
            .ToList();
    }
}
