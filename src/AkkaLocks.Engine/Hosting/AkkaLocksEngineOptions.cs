using AkkaLocks.Engine.Events;

namespace AkkaLocks.Engine;

/// <summary>How the engine joins an actor system: its shard region and how long callers wait for a lock's answer.</summary>
public sealed record AkkaLocksEngineOptions
{
    /// <summary>Sharding type name of the lock entities; all nodes of one cluster must agree on it.</summary>
    public string TypeName { get; init; } = "akkalocks-lock";

    /// <summary>Number of shards; fixed for the life of the cluster (10 per expected node is a good start).</summary>
    public int MaxShards { get; init; } = 100;

    /// <summary>Cluster role of the nodes that host locks; null means every node.</summary>
    public string? Role { get; init; }

    /// <summary>How long a caller waits for a lock's durable answer before the request fails.</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The most locks one owner id may hold at once; one more acquire is answered <see cref="Core.OwnerLimitReached"/>.
    /// 0 turns the limit off. A guard against a runaway client, not a quota: counted by this node's index, and
    /// concurrent acquires of one owner may pass it by the number in flight.
    /// </summary>
    public int MaxLocksPerOwner { get; init; } = 10_000;

    /// <summary>How much recent history of each lock the event log keeps for readers that follow a lock.</summary>
    public LockEventLogOptions EventLog { get; init; } = new();
}
