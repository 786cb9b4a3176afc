using Akka.Actor;
using Akka.Cluster.Sharding;

namespace AkkaLocks.Engine.Tests;

/// <summary>
/// Stands in for the shard: hosts one entity, answers its Passivate with the entity's stop message, and
/// reports to a probe what the entity asked of its shard and when it stopped.
/// </summary>
internal sealed class EntityTestParent : ReceiveActor
{
    /// <param name="beforeStopping">Delivered to the entity between its Passivate and its stop message, to race them.</param>
    public EntityTestParent(Props entityProps, IActorRef probe, object? beforeStopping = null)
    {
        var entity = Context.Watch(Context.ActorOf(entityProps, "entity"));
        Receive<Passivate>(p =>
        {
            probe.Tell(p);
            if (beforeStopping is not null) Sender.Tell(beforeStopping, ActorRefs.NoSender);
            Sender.Tell(p.StopMessage);
        });
        // Terminated itself would be dropped by a probe that does not watch the entity.
        Receive<Terminated>(_ => probe.Tell(EntityStopped.Instance));
        ReceiveAny(m =>
        {
            // The entity asks its shard for something from itself or, when stopping, from no one;
            // a test talks to the entity through an ask.
            if (Sender.Equals(entity) || Sender.IsNobody()) probe.Tell(m);
            else entity.Forward(m);
        });
    }
}

/// <summary>The hosted entity has stopped.</summary>
internal sealed record EntityStopped
{
    public static readonly EntityStopped Instance = new();
}
