using Akka.Actor;
using AkkaLocks.Core;

namespace AkkaLocks.Engine.Events;

/// <summary>Feeds <see cref="LockEventFeed"/> with the transitions and waiter notices of every lock (<see cref="LockTransitionTopic"/>); anything else it receives is ignored by the feed.</summary>
internal sealed class LockEventFeedActor : ReceiveActor
{
    public LockEventFeedActor(LockEventFeed feed)
    {
        ReceiveAny(message =>
        {
            if (!LockTransitionTopic.IsEchoOfThisNode(Sender)) feed.Append(message);
        });
    }

    protected override void PreStart()
    {
        LockTransitionTopic.Subscribe(Context, typeof(LockEvent), typeof(WaiterNotice));
    }

    protected override void PostStop() => LockTransitionTopic.Unsubscribe(Context);
}
