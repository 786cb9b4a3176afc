using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.PublishSubscribe;
using AkkaLocks.Core;

namespace AkkaLocks.Engine.Events;

/// <summary>
/// Carries the transitions and waiter notices of the locks this node hosts from its event stream to
/// <see cref="LockTransitionTopic"/>. One publisher per node keeps each node's transitions in order for every
/// subscriber (DistributedPubSub preserves order per sender and receiver).
/// A node alone publishes nothing: its own watchers hear its event stream, and every copy sent through the topic would
/// only come back to them as an echo to skip, several message hops per transition for nobody. From the moment another
/// member appears (joining, before its watchers can have subscribed) every transition goes to the topic.
/// </summary>
internal sealed class LockTransitionPublisher : ReceiveActor
{
    private readonly IActorRef _mediator = DistributedPubSub.Get(Context.System).Mediator;
    private readonly Cluster _cluster = Cluster.Get(Context.System);
    private bool _othersPresent;

    public LockTransitionPublisher()
    {
        Receive<LockEvent>(Publish);
        Receive<WaiterNotice>(Publish);
        Receive<ClusterEvent.IMemberEvent>(e => _othersPresent |= !e.Member.UniqueAddress.Equals(_cluster.SelfUniqueAddress));
    }

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(LockEvent));
        Context.System.EventStream.Subscribe(Self, typeof(WaiterNotice));
        _cluster.Subscribe(Self, ClusterEvent.InitialStateAsEvents, typeof(ClusterEvent.IMemberEvent));
    }

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        _cluster.Unsubscribe(Self);
    }

    private void Publish(object transition)
    {
        if (_othersPresent) _mediator.Tell(new Publish(LockTransitionTopic.Name, transition));
    }
}
