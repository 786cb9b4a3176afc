using Akka.Cluster.Sharding;

namespace AkkaLocks.Engine.Sharding;

/// <summary>Routes a <see cref="LockRequest"/> to the entity of its lock; the whole request is delivered.</summary>
public sealed class LockMessageExtractor(int maxShards) : HashCodeMessageExtractor(maxShards)
{
    public override string? EntityId(object message) => (message as LockRequest)?.Key.EntityId;
}
