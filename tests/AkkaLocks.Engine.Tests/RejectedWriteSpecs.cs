using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using Akka.Persistence.Hosting;
using AkkaLocks.Core;
using AkkaLocks.Engine.Entities;

namespace AkkaLocks.Engine.Tests;

/// <summary>
/// A journal may reject a write (an event it cannot serialize, a store that refuses it) and go on with the next. Nothing
/// of a rejected write is durable, so nobody may hear of it as done: an answer would hand out a grant, and its fencing
/// token, that the lock's recovered state does not know, and the same token again to the next owner.
/// </summary>
public sealed class RejectedWriteSpecs(ITestOutputHelper output) : Akka.Hosting.TestKit.TestKit(nameof(RejectedWriteSpecs), output)
{
    private static readonly LockEntitySettings Settings = new(PassivateFreeAfter: TimeSpan.FromMinutes(5), SnapshotEvery: 100);

    protected override Config Config => RejectingJournal.Hocon;

    protected override void ConfigureAkka(AkkaConfigurationBuilder builder, IServiceProvider provider) =>
        builder.WithInMemorySnapshotStore().WithAkkaLocksSerialization();

    [Fact]
    public async Task A_grant_whose_event_is_rejected_is_never_answered_and_the_next_owner_gets_the_first_token()
    {
        var (entity, shard) = await StartEntityAsync();
        await RejectingJournal.RejectNextAsync(Sys, writes: 1);
        var caller = CreateTestProbe();

        entity.Tell(Locks.Acquire("a"), caller);

        await shard.ExpectMsgAsync<EntityStopped>();   // a lock does not go on from a state its journal does not have
        await caller.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        var (recovered, _) = await StartEntityAsync();
        var granted = await recovered.Ask<Granted>(Locks.Acquire("b"), TimeSpan.FromSeconds(5));
        Assert.Equal(1, granted.Holder.FencingToken);
    }

    [Fact]
    public async Task A_release_whose_event_is_rejected_leaves_the_lock_held_by_its_owner()
    {
        var (entity, shard) = await StartEntityAsync();
        var granted = await entity.Ask<Granted>(Locks.Acquire("a"), TimeSpan.FromSeconds(5));
        await RejectingJournal.RejectNextAsync(Sys, writes: 1);
        var caller = CreateTestProbe();

        entity.Tell(Locks.Release(granted.Holder.Handle), caller);

        await shard.ExpectMsgAsync<EntityStopped>();
        await caller.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        var (recovered, _) = await StartEntityAsync();
        Assert.Equal(granted.Holder, (await recovered.Ask<LockStatus>(Locks.Inspect(), TimeSpan.FromSeconds(5))).Holder);
        Assert.IsType<Busy>(await recovered.Ask<LockReply>(Locks.Acquire("b"), TimeSpan.FromSeconds(5)));
    }

    /// <summary>Starts the entity under a stand-in shard and asks it once, so it has recovered.</summary>
    private async Task<(IActorRef Entity, Akka.TestKit.TestProbe Shard)> StartEntityAsync()
    {
        var shard = CreateTestProbe();
        var props = LockEntityActor.PropsFor(Locks.Key.EntityId, Settings);
        var parent = Sys.ActorOf(Props.Create(() => new EntityTestParent(props, shard.Ref, null)));
        await parent.Ask<LockStatus>(Locks.Inspect(), TimeSpan.FromSeconds(5));
        return (parent, shard);
    }
}
