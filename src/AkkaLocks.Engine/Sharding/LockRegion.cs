namespace AkkaLocks.Engine.Sharding;

/// <summary>Registry key of the lock shard region (Akka.Hosting's <c>IRequiredActor&lt;LockRegion&gt;</c>).</summary>
public sealed class LockRegion;
