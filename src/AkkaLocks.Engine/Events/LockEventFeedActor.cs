using Akka.Actor;
using AkkaLocks.Core;

namespace AkkaLocks.Engine.Events;

/// <summary>Feeds <see cref="LockEventFeed"/> from the event stream, where lock entities publish their transitions and waiter notices.</summary>
internal sealed class LockEventFeedActor : ReceiveActor
{
    public LockEventFeedActor(LockEventFeed feed)
    {
        ReceiveAny(feed.Append);
    }

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(LockEvent));
        Context.System.EventStream.Subscribe(Self, typeof(WaiterNotice));
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);
}
