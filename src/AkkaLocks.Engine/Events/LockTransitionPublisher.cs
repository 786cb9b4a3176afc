using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using AkkaLocks.Core;

namespace AkkaLocks.Engine.Events;

/// <summary>
/// Carries the transitions and waiter notices of the locks this node hosts from its event stream to
/// <see cref="LockTransitionTopic"/>. One publisher per node keeps each node's transitions in order for every
/// subscriber (DistributedPubSub preserves order per sender and receiver).
/// </summary>
internal sealed class LockTransitionPublisher : ReceiveActor
{
    private readonly IActorRef _mediator = DistributedPubSub.Get(Context.System).Mediator;

    public LockTransitionPublisher()
    {
        Receive<LockEvent>(Publish);
        Receive<WaiterNotice>(Publish);
    }

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(LockEvent));
        Context.System.EventStream.Subscribe(Self, typeof(WaiterNotice));
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void Publish(object transition) => _mediator.Tell(new Publish(LockTransitionTopic.Name, transition));
}
