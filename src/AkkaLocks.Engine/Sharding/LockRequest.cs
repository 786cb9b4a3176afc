using AkkaLocks.Core;
using AkkaLocks.Engine.Serialization;

namespace AkkaLocks.Engine.Sharding;

/// <summary>A command on its way to the lock named by <paramref name="Key"/>, through the shard region.</summary>
public sealed record LockRequest(LockKey Key, LockCommand Command) : IAkkaLocksMessage;
