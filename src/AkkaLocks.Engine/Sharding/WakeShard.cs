using AkkaLocks.Engine.Serialization;

namespace AkkaLocks.Engine.Sharding;

/// <summary>
/// Starts shard <paramref name="ShardId"/> without creating any entity: the region starts the shard, which
/// restarts its remembered (held) locks, and then drops this message for want of an entity id.
/// </summary>
public sealed record WakeShard(int ShardId) : IAkkaLocksMessage
{
    /// <summary>How the shard logs the drop; the host filters this line out of its logs.</summary>
    public const string DroppedLogText = "dropping message [WakeShard]";
}
