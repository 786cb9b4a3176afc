using AkkaLocks.Core;
using AkkaLocks.Engine.Sharding;

namespace AkkaLocks.Engine.Tests;

/// <summary>Short ways to say lock requests in specs.</summary>
internal static class Locks
{
    public static readonly LockKey Key = new("specs", "invoice-42");

    public static LockRequest Acquire(string owner, TimeSpan? ttl = null, string? handle = null) =>
        new(Key, new AcquireLock(owner, handle ?? LockHandles.NewHandle(), ttl));

    public static LockRequest AcquireWaiting(string owner, TimeSpan wait, TimeSpan? ttl = null, string? handle = null) =>
        new(Key, new AcquireLock(owner, handle ?? LockHandles.NewHandle(), ttl, Wait: wait));

    public static LockRequest Abandon(string handle) => new(Key, new AbandonAcquire(handle));

    public static LockRequest Extend(string handle, TimeSpan ttl) => new(Key, new ExtendLock(handle, ttl));

    public static LockRequest Release(string handle) => new(Key, ReleaseLock.ByHandle(handle));

    public static LockRequest Inspect() => new(Key, InspectLock.Instance);
}
