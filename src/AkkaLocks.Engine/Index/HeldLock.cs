using AkkaLocks.Core;

namespace AkkaLocks.Engine.Index;

/// <summary>One held lock, as listed.</summary>
public sealed record HeldLock(LockKey Key, LockHolder Holder);
