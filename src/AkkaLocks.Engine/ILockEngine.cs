using AkkaLocks.Core;
using AkkaLocks.Engine.Index;

namespace AkkaLocks.Engine;

/// <summary>
/// The one API every surface (esoco REST, DMS JSON-RPC, native v1, tools) calls. Each method is answered
/// once the change it makes is durable. Replies are the model's <see cref="LockReply"/> cases, which each
/// surface translates into its own wire format; a request that breaks a limit is answered with
/// <see cref="Rejected"/> and changes nothing.
/// </summary>
public interface ILockEngine
{
    /// <summary>
    /// Takes the lock (or queues for it). Besides the lock's own answers, an owner already holding as many locks as one
    /// owner may (<see cref="AkkaLocksEngineOptions.MaxLocksPerOwner"/>) is answered <see cref="OwnerLimitReached"/>.
    /// </summary>
    Task<LockReply> AcquireAsync(LockKey key, AcquireRequest request, CancellationToken cancellationToken = default);

    /// <summary>Restarts the TTL of the holder proven by <paramref name="handle"/> (and <paramref name="user"/>, when it was authenticated).</summary>
    Task<LockReply> ExtendAsync(LockKey key, string handle, TimeSpan ttl, string? user = null, CancellationToken cancellationToken = default);

    Task<LockReply> ReleaseAsync(LockKey key, ReleaseLock release, CancellationToken cancellationToken = default);

    Task<LockReply> ForceReleaseAsync(LockKey key, ForceReleaseReason reason = ForceReleaseReason.Admin, CancellationToken cancellationToken = default);

    Task<LockStatus> InspectAsync(LockKey key, CancellationToken cancellationToken = default);

    /// <summary>The locks held now, in one context or (null) in all, ordered by context and name.</summary>
    Task<IReadOnlyList<HeldLock>> ListAsync(string? context = null, CancellationToken cancellationToken = default);

    /// <summary>Force-releases every lock of one context or (null) of all; returns how many were released.</summary>
    Task<int> ResetAsync(string? context = null, CancellationToken cancellationToken = default);
}
