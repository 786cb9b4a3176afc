using static AkkaLocks.Core.Tests.Locks;

namespace AkkaLocks.Core.Tests;

public class LockStateMachineReleaseTests
{
    public static TheoryData<ReleaseLock> ReleasesByAlice => new()
    {
        ReleaseLock.ByHandle(HandleOf("alice")),
        ReleaseLock.ByOwner("alice"),
        new ReleaseLock(HandleOf("alice"), "alice"),
    };

    [Theory]
    [MemberData(nameof(ReleasesByAlice))]
    public void Release_by_the_holder_frees_the_lock(ReleaseLock release)
    {
        var held = HeldBy("alice", Ttl, lastFencingToken: 2);
        var now = T0.AddSeconds(5);

        var (state, decision) = Run(held, release, now);

        Assert.Equal(held.Holder, ReplyOf<Released>(decision).FormerHolder);
        Assert.Equal(new LockReleased(Key, "alice", 3, now), Assert.Single(decision.Events));
        Assert.Null(state.Holder);
        Assert.False(state.IsHeld);
        Assert.Equal(3, state.LastFencingToken);
    }

    [Fact]
    public void Released_lock_can_be_acquired_by_another_owner()
    {
        var (released, _) = Run(HeldBy("alice", Ttl), ReleaseLock.ByHandle(HandleOf("alice")), T0.AddSeconds(1));

        var granted = ReplyOf<Granted>(LockStateMachine.Decide(released, Acquire("bob", Ttl), T0.AddSeconds(1)));

        Assert.Equal("bob", granted.Holder.Owner);
    }

    [Theory]
    [InlineData("wrong")]
    [InlineData("HANDLE-OF-ALICE")]
    [InlineData("handle-of-bob")]
    public void Release_with_a_wrong_handle_is_not_held_and_changes_nothing(string handle)
    {
        var held = HeldBy("alice", Ttl);

        var (state, decision) = Run(held, ReleaseLock.ByHandle(handle), T0.AddSeconds(1));

        Assert.Equal(held.Holder, ReplyOf<NotHeld>(decision).CurrentHolder);
        Assert.Empty(decision.Events);
        Assert.Equal(held, state);
    }

    [Theory]
    [InlineData("bob")]
    [InlineData("Alice")]   // owners are compared exactly
    [InlineData("alice ")]
    public void Release_by_another_owner_is_not_held_and_changes_nothing(string owner)
    {
        var held = HeldBy("alice", Ttl);

        var (state, decision) = Run(held, ReleaseLock.ByOwner(owner), T0.AddSeconds(1));

        Assert.Equal(held.Holder, ReplyOf<NotHeld>(decision).CurrentHolder);
        Assert.Empty(decision.Events);
        Assert.Equal(held, state);
    }

    [Fact]
    public void A_presented_handle_must_match_even_when_the_owner_does()
    {
        var held = HeldBy("alice", Ttl);

        var decision = LockStateMachine.Decide(held, new ReleaseLock("stolen-guess", "alice"), T0.AddSeconds(1));

        Assert.Equal(held.Holder, ReplyOf<NotHeld>(decision).CurrentHolder);
        Assert.Empty(decision.Events);
    }

    [Theory]
    [MemberData(nameof(ReleasesByAlice))]
    public void Releasing_a_free_lock_is_not_held_by_anyone(ReleaseLock release)
    {
        var decision = LockStateMachine.Decide(Free(lastFencingToken: 5), release, T0);

        Assert.Null(ReplyOf<NotHeld>(decision).CurrentHolder);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Releasing_twice_frees_once()
    {
        var (released, _) = Run(HeldBy("alice", Ttl), ReleaseLock.ByOwner("alice"), T0.AddSeconds(1));

        var second = LockStateMachine.Decide(released, ReleaseLock.ByOwner("alice"), T0.AddSeconds(2));

        Assert.Null(ReplyOf<NotHeld>(second).CurrentHolder);
        Assert.Empty(second.Events);
    }
}
