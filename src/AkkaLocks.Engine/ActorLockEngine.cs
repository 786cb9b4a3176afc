using System.Diagnostics;
using Akka.Actor;
using Akka.Hosting;
using AkkaLocks.Core;
using AkkaLocks.Engine.Index;
using AkkaLocks.Engine.Metrics;
using AkkaLocks.Engine.Sharding;

namespace AkkaLocks.Engine;

/// <summary><see cref="ILockEngine"/> over the lock shard region: every call is one ask of one lock's actor.</summary>
public sealed class ActorLockEngine(
    IRequiredActor<LockRegion> region,
    IRequiredActor<HeldLocksIndex> index,
    OwnerHoldCounts heldByOwner,
    AkkaLocksEngineOptions options,
    LockMetrics metrics) : ILockEngine
{
    private volatile IActorRef? _region;

    /// <summary>
    /// Asks for the lock, waiting up to <see cref="AcquireRequest.Wait"/> in the lock's queue. If the caller goes away
    /// (cancelled) or the answer does not come in time, the lock is told to drop the request: a queued request leaves
    /// the queue, and a grant that was already made for it is released at once, since nobody will ever see it.
    /// </summary>
    public async Task<LockReply> AcquireAsync(LockKey key, AcquireRequest request, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        if (await OwnerLimitReachedAsync(request.Owner, cancellationToken) is { } refused) return refused;
        var handle = LockHandles.NewHandle();
        var command = new AcquireLock(request.Owner, handle, request.Ttl, request.Data, request.ClientAddress, request.TakeOver, request.User,
            request.Wait, request.RequestId);
        var shardRegion = await RegionAsync(cancellationToken);
        try
        {
            var reply = await shardRegion.Ask<LockReply>(new LockRequest(key, command), options.AskTimeout + (request.Wait ?? TimeSpan.Zero), cancellationToken);
            // The answer can arrive just as the caller goes away (an HTTP client hanging up while its grant is being made):
            // nobody would ever learn of that grant, so it is dropped like a queued request rather than handed back.
            cancellationToken.ThrowIfCancellationRequested();
            metrics.AcquireAnswered(key, reply, Stopwatch.GetElapsedTime(started), waited: request.Wait > TimeSpan.Zero);
            return reply;
        }
        catch (Exception e) when (e is OperationCanceledException or AskTimeoutException)
        {
            shardRegion.Tell(new LockRequest(key, new AbandonAcquire(handle)), ActorRefs.NoSender);
            throw;
        }
    }

    /// <summary>
    /// How far the shared counts may lag behind grants already answered (the index counts them from the event stream,
    /// asynchronously). Within this distance of the limit the index itself is asked.
    /// </summary>
    private const int CountLagAllowance = 16;

    /// <summary>
    /// The per-owner limit, checked here rather than in each surface so every protocol enforces the same rule. It reads
    /// the held-locks index's counts (cluster-wide in a cluster), never the lock actors, while the owner is far from the
    /// limit. Near it, the index is asked: the ask queues behind the events of every grant whose answer this node has
    /// already given, so a client that takes locks one after another is refused exactly at the limit. Concurrent acquires
    /// of one owner may still pass it by a few, like any count taken before the grant.
    /// </summary>
    private async Task<OwnerLimitReached?> OwnerLimitReachedAsync(string owner, CancellationToken cancellationToken)
    {
        // A missing owner is the lock model's to reject, with its own message.
        if (options.MaxLocksPerOwner <= 0 || string.IsNullOrEmpty(owner)) return null;
        var held = heldByOwner.HeldBy(owner);
        if (held + CountLagAllowance >= options.MaxLocksPerOwner)
        {
            var indexActor = await index.GetAsync(cancellationToken);
            held = await indexActor.Ask<int>(new CountHeldBy(owner), options.AskTimeout, cancellationToken);
        }
        return held >= options.MaxLocksPerOwner ? new OwnerLimitReached(owner, options.MaxLocksPerOwner) : null;
    }

    public Task<LockReply> ExtendAsync(LockKey key, string handle, TimeSpan ttl, string? user = null, CancellationToken cancellationToken = default) =>
        AskAsync(key, new ExtendLock(handle, ttl, user), cancellationToken);

    public Task<LockReply> ReleaseAsync(LockKey key, ReleaseLock release, CancellationToken cancellationToken = default) =>
        AskAsync(key, release, cancellationToken);

    public Task<LockReply> ForceReleaseAsync(LockKey key, ForceReleaseReason reason = ForceReleaseReason.Admin, CancellationToken cancellationToken = default) =>
        AskAsync(key, new ForceReleaseLock(reason), cancellationToken);

    public async Task<LockStatus> InspectAsync(LockKey key, CancellationToken cancellationToken = default) =>
        (LockStatus)await AskAsync(key, InspectLock.Instance, cancellationToken);

    public async Task<IReadOnlyList<HeldLock>> ListAsync(string? context = null, CancellationToken cancellationToken = default)
    {
        var indexActor = await index.GetAsync(cancellationToken);
        var held = await indexActor.Ask<HeldLocks>(new ListHeldLocks(context), options.AskTimeout, cancellationToken);
        return held.Locks;
    }

    public async Task<int> ResetAsync(string? context = null, CancellationToken cancellationToken = default)
    {
        var held = await ListAsync(context, cancellationToken);
        var replies = await Task.WhenAll(held.Select(l => ForceReleaseAsync(l.Key, ForceReleaseReason.Reset, cancellationToken)));
        return replies.Count(r => r is Released);
    }

    private async Task<LockReply> AskAsync(LockKey key, LockCommand command, CancellationToken cancellationToken)
    {
        var shardRegion = await RegionAsync(cancellationToken);
        return await shardRegion.Ask<LockReply>(new LockRequest(key, command), options.AskTimeout, cancellationToken);
    }

    /// <summary>
    /// The shard region, resolved once: the registry hands out a new task on every call, once per lock request. Until the
    /// region is registered (the host starting) each call waits for it, and any of them may keep the answer.
    /// </summary>
    private ValueTask<IActorRef> RegionAsync(CancellationToken cancellationToken) =>
        _region is { } resolved ? new(resolved) : new(ResolveRegionAsync(cancellationToken));

    private async Task<IActorRef> ResolveRegionAsync(CancellationToken cancellationToken) =>
        _region = await region.GetAsync(cancellationToken);
}
