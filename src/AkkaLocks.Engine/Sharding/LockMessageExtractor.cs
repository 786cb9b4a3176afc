using System.Globalization;
using Akka.Cluster.Sharding;

namespace AkkaLocks.Engine.Sharding;

/// <summary>Routes a <see cref="LockRequest"/> to the entity of its lock; the whole request is delivered.</summary>
public sealed class LockMessageExtractor(int maxShards) : HashCodeMessageExtractor(maxShards)
{
    public override string? EntityId(object message) => message switch
    {
        LockRequest request => request.Key.EntityId,
        WakeShard => "",   // delivered to its shard, which starts and then drops it
        _ => null,
    };

    public override string ShardId(string entityId, object? messageHint = null) =>
        messageHint is WakeShard wake
            ? wake.ShardId.ToString(CultureInfo.InvariantCulture)
            : base.ShardId(entityId, messageHint);
}
