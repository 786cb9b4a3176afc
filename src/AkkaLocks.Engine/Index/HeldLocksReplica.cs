using Akka.Actor;
using Akka.Cluster;
using Akka.DistributedData;
using AkkaLocks.Core;
using ClusterNode = Akka.Cluster.Cluster;

namespace AkkaLocks.Engine.Index;

/// <summary>
/// Shares the held-locks index between the nodes of a cluster through Akka Distributed Data: one
/// last-writer-wins map from lock to <see cref="HeldLockEntry"/>, written locally and spread by gossip, so a
/// node that joins (or restarts) learns the locks held on the others without asking each lock. Writes are
/// batched: entries wait here until the owning actor's mailbox has drained (<see cref="Flush"/>).
/// </summary>
internal sealed class HeldLocksReplica(ActorSystem system)
{
    private static readonly LWWDictionaryKey<string, HeldLockEntry> DataKey = new("akkalocks-held-locks");
    private readonly IActorRef _replicator = DistributedData.Get(system).Replicator;
    private readonly UniqueAddress _self = ClusterNode.Get(system).SelfUniqueAddress;
    private Dictionary<string, HeldLockEntry> _pending = new(StringComparer.Ordinal);

    public void SubscribeToChanges(IActorRef subscriber) => _replicator.Tell(Dsl.Subscribe(DataKey, subscriber));

    /// <summary>Queues an entry; true when it is the first of a batch, so the caller schedules a flush.</summary>
    public bool Queue(LockKey key, HeldLockEntry entry)
    {
        _pending[key.EntityId] = entry;
        return _pending.Count == 1;
    }

    public void Flush(IActorRef sender)
    {
        if (_pending.Count == 0) return;
        var batch = _pending;
        _pending = new(StringComparer.Ordinal);
        _replicator.Tell(Dsl.Update(DataKey, LWWDictionary<string, HeldLockEntry>.Empty, WriteLocal.Instance, map => MergeAll(map, batch)), sender);
    }

    /// <summary>Drops the tombstones of grants that ended before <paramref name="horizon"/> from the shared map.</summary>
    public void ForgetEndedBefore(DateTimeOffset horizon, IActorRef sender) =>
        _replicator.Tell(Dsl.Update(DataKey, LWWDictionary<string, HeldLockEntry>.Empty, WriteLocal.Instance, map =>
        {
            foreach (var (entityId, entry) in map.Entries)
            {
                if (entry.HasEnded && entry.ChangedAt < horizon) map = map.Remove(_self, entityId);
            }
            return map;
        }), sender);

    /// <summary>Asks a majority of nodes for their copy; the answer (<see cref="GetSuccess"/>, <see cref="NotFound"/> or <see cref="GetFailure"/>) carries <paramref name="request"/>.</summary>
    public void ReadFromMajority(TimeSpan timeout, object request, IActorRef sender) =>
        _replicator.Tell(Dsl.Get(DataKey, new ReadMajority(timeout), request), sender);

    public static IEnumerable<(LockKey Key, HeldLockEntry Entry)> Entries(Changed changed) => Entries(changed.Get(DataKey));

    public static IEnumerable<(LockKey Key, HeldLockEntry Entry)> Entries(GetSuccess found) => Entries(found.Get(DataKey));

    private static IEnumerable<(LockKey, HeldLockEntry)> Entries(LWWDictionary<string, HeldLockEntry> map) =>
        map.Entries.Select(e => (LockKey.FromEntityId(e.Key), e.Value));

    private LWWDictionary<string, HeldLockEntry> MergeAll(LWWDictionary<string, HeldLockEntry> map, Dictionary<string, HeldLockEntry> batch)
    {
        foreach (var (entityId, entry) in batch)
        {
            if (map.TryGetValue(entityId, out var known) && known.IsNewerThan(entry)) continue;   // the batch already won against this node's table
            map = map.SetItem(_self, entityId, entry, Clock);
        }
        return map;
    }

    /// <summary>
    /// The register's timestamp, which decides between copies written on two nodes: later grants first, an
    /// ended grant over its holder; within one state, each local write counts one up.
    /// </summary>
    private static long Clock(long current, HeldLockEntry entry) =>
        Math.Max(current + 1, (entry.Token << 20) + (entry.HasEnded ? 1L << 19 : 0));
}
