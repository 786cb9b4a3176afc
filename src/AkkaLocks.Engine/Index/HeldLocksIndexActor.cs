using Akka.Actor;
using Akka.Cluster;
using Akka.DistributedData;
using Akka.Event;
using AkkaLocks.Core;
using AkkaLocks.Engine.Events;

namespace AkkaLocks.Engine.Index;

/// <summary>
/// Keeps the set of held locks, so that listings never wake the actor of every lock that ever existed. Fed by
/// the transitions of the locks this node hosts (its event stream) and, in a cluster, by the entries the other
/// nodes share through <see cref="HeldLocksReplica"/>. Filters by deadline on every read: an expired lock whose
/// expiry event is still in flight is not listed.
/// </summary>
internal sealed class HeldLocksIndexActor : ReceiveActor, IWithTimers
{
    /// <summary>How long an ended grant is remembered, against late copies of it; far longer than any gossip delay.</summary>
    public static readonly TimeSpan TombstoneRetention = TimeSpan.FromMinutes(1);

    /// <summary>How long transitions gather before they go to the shared map together; as akka.cluster.distributed-data.notify-subscribers-interval.</summary>
    private static readonly TimeSpan ReplicaFlushInterval = TimeSpan.FromMilliseconds(100);

    private readonly HeldLocksTable _table;
    private readonly HeldLocksReplica? _replica;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private bool _sharing;

    public HeldLocksIndexActor(OwnerHoldCounts heldByOwner)
    {
        _table = new HeldLocksTable(heldByOwner);
        if (LockTransitionTopic.IsCluster(Context.System)) _replica = new HeldLocksReplica(Context.System);

        Receive<LockEvent>(e => Record(e.Key, HeldLockEntry.After(e, _table.Find(e.Key)), supersedesEqual: true));
        Receive<HeldLockObserved>(o => Record(o.Key, HeldLockEntry.Observed(o.Holder)));
        Receive<ListHeldLocks>(q => Sender.Tell(new HeldLocks(_table.Held(q.Context, Context.System.Scheduler.Now))));
        Receive<CountHeldBy>(q => Sender.Tell(_table.CountHeldBy(q.Owner)));
        Receive<SyncHeldLocks>(q => Sync(q, Sender));
        Receive<FlushReplica>(_ => _replica?.Flush(Self));
        Receive<ClusterEvent.IMemberEvent>(e => { if (!e.Member.UniqueAddress.Equals(Cluster.Get(Context.System).SelfUniqueAddress)) StartSharing(); });
        Receive<SweepTombstones>(_ => ForgetTombstones());
        Receive<Changed>(c => MergeShared(HeldLocksReplica.Entries(c)));
        Receive<GetSuccess>(g =>
        {
            MergeShared(HeldLocksReplica.Entries(g));
            Synced(g.Request);
        });
        Receive<NotFound>(n => Synced(n.Request));
        Receive<GetFailure>(f => Synced(f.Request));
        Receive<UpdateSuccess>(_ => { });
        Receive<IUpdateFailure>(f => _log.Warning("Sharing the held-locks index failed: {0}", f));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(LockEvent));
        Context.System.EventStream.Subscribe(Self, typeof(HeldLockObserved));
        _replica?.SubscribeToChanges(Self);
        if (_replica is not null) Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.InitialStateAsEvents, typeof(ClusterEvent.IMemberEvent));
        Timers.StartPeriodicTimer(nameof(SweepTombstones), SweepTombstones.Instance, TombstoneRetention / 2);
    }

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        if (_replica is not null) Cluster.Get(Context.System).Unsubscribe(Self);
    }

    private void Record(LockKey key, HeldLockEntry? entry, bool supersedesEqual = false)
    {
        if (entry is null || !_table.Merge(key, entry, supersedesEqual)) return;
        // Every update of the shared map merges the whole map (O(locks)), so transitions are shared at most once per
        // ReplicaFlushInterval, in one update: the other nodes hear of them no sooner than gossip brings them anyway.
        if (_sharing && _replica!.Queue(key, entry)) Timers.StartSingleTimer(nameof(FlushReplica), FlushReplica.Instance, ReplicaFlushInterval);
    }

    /// <summary>
    /// A node alone keeps its index to itself: the shared map would only cost memory (an entry, a tombstone and copies for
    /// every lock changed in the last minute) and CPU, with nobody to read it. From the moment another node appears in the
    /// membership (joining, before it is Up and reads a majority's copy) every entry goes to the shared map at once, and
    /// every transition after it.
    /// </summary>
    private void StartSharing()
    {
        if (_sharing || _replica is null) return;
        _sharing = true;
        foreach (var (key, entry) in _table.Entries()) _replica.Queue(key, entry);
        _replica.Flush(Self);
    }

    private void MergeShared(IEnumerable<(LockKey Key, HeldLockEntry Entry)> entries)
    {
        foreach (var (key, entry) in entries) _table.Merge(key, entry);
    }

    /// <summary>Alone, the index is complete; in a cluster, it first merges the copy of a majority of nodes.</summary>
    private void Sync(SyncHeldLocks sync, IActorRef replyTo)
    {
        if (_replica is null)
        {
            replyTo.Tell(HeldLocksSynced.Instance);
            return;
        }
        _replica.ReadFromMajority(sync.Timeout, new SyncRequest(replyTo), Self);
    }

    private static void Synced(object? request)
    {
        if (request is SyncRequest r) r.ReplyTo.Tell(HeldLocksSynced.Instance);
    }

    private void ForgetTombstones()
    {
        var horizon = Context.System.Scheduler.Now - TombstoneRetention;
        _table.ForgetEndedBefore(horizon);
        if (_sharing) _replica!.ForgetEndedBefore(horizon, Self);
    }

    private sealed record SyncRequest(IActorRef ReplyTo);

    private sealed record FlushReplica
    {
        public static readonly FlushReplica Instance = new();
    }

    private sealed record SweepTombstones
    {
        public static readonly SweepTombstones Instance = new();
    }
}
