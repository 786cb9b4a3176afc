using AkkaLocks.Core;

namespace AkkaLocks.Engine.Index;

/// <summary>
/// Published by a lock entity that recovered holding its lock (after a restart or a handoff), so the
/// index learns of locks whose grant it did not see. Not a transition: nothing changed.
/// </summary>
public sealed record HeldLockObserved(LockKey Key, LockHolder Holder);
