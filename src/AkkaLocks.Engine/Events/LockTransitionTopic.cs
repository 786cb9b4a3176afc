using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.PublishSubscribe;

namespace AkkaLocks.Engine.Events;

/// <summary>
/// How cluster-wide watchers (the SSE feed, the DMS event queues) hear lock transitions. A lock's actor
/// publishes on the event stream of the node that hosts it, before its caller hears the answer, so watchers on
/// that node see a change before its author does. <see cref="LockTransitionPublisher"/> also carries each node's
/// transitions to a DistributedPubSub topic, from which watchers hear the other nodes' locks; their own node's
/// copies come back from the topic too, and are recognised by their sender and skipped.
/// An actor system that is not a cluster (an actor test) has only its event stream.
/// </summary>
internal static class LockTransitionTopic
{
    public const string Name = "akkalocks-transitions";
    public const string PublisherName = "akkalocks-transition-publisher";

    public static void Subscribe(IActorContext context, params Type[] transitionTypes)
    {
        foreach (var type in transitionTypes) context.System.EventStream.Subscribe(context.Self, type);
        if (IsCluster(context.System))
            DistributedPubSub.Get(context.System).Mediator.Tell(new Subscribe(Name, context.Self));
    }

    public static void Unsubscribe(IActorContext context)
    {
        context.System.EventStream.Unsubscribe(context.Self);
        if (IsCluster(context.System))
            DistributedPubSub.Get(context.System).Mediator.Tell(new Unsubscribe(Name, context.Self));
    }

    /// <summary>Whether a message came back from the topic, published by this node: the event stream delivered it already.</summary>
    public static bool IsEchoOfThisNode(IActorRef sender) =>
        sender.Path.Name == PublisherName && sender.Path.Address.HasLocalScope;

    public static bool IsCluster(ActorSystem system) =>
        system is ExtendedActorSystem { Provider: IClusterActorRefProvider };
}
