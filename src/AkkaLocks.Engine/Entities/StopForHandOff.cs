namespace AkkaLocks.Engine.Entities;

/// <summary>
/// What a shard sends its lock actors when it hands them to another node (a rebalance, a node leaving). Akka's default,
/// PoisonPill, stops a persistent actor at once, even between a persist and its reply; this is an ordinary command,
/// so a lock actor takes it only after the events it is writing are durable and their callers answered.
/// </summary>
internal sealed class StopForHandOff
{
    public static readonly StopForHandOff Instance = new();

    private StopForHandOff() { }
}
