using static AkkaLocks.Core.Tests.Locks;

namespace AkkaLocks.Core.Tests;

public class LockStateMachineExtendTests
{
    [Fact]
    public void Extend_restarts_the_ttl_from_now_not_from_the_old_deadline()
    {
        var held = HeldBy("alice", TimeSpan.FromSeconds(10)); // deadline T0 + 10 s
        var now = T0.AddSeconds(4);

        var (state, decision) = Run(held, new ExtendLock(HandleOf("alice"), TimeSpan.FromSeconds(10)), now);

        var extended = ReplyOf<Extended>(decision);
        Assert.Equal(T0.AddSeconds(14), extended.Holder.ExpiresAt); // not T0 + 20 s
        Assert.Equal(extended.Holder, state.Holder);
    }

    [Fact]
    public void Extend_with_a_shorter_ttl_brings_the_deadline_forward()
    {
        var held = HeldBy("alice", TimeSpan.FromMinutes(10));
        var now = T0.AddSeconds(1);

        var (state, _) = Run(held, new ExtendLock(HandleOf("alice"), TimeSpan.FromSeconds(5)), now);

        Assert.Equal(now.AddSeconds(5), state.Holder!.ExpiresAt);
        Assert.Equal(TimeSpan.FromSeconds(5), state.Holder.Ttl);
    }

    [Fact]
    public void Extend_keeps_owner_handle_token_and_acquisition_time()
    {
        var held = HeldBy("alice", Ttl, lastFencingToken: 4);

        var holder = ReplyOf<Extended>(
            LockStateMachine.Decide(held, new ExtendLock(HandleOf("alice"), TimeSpan.FromMinutes(1)), T0.AddSeconds(20))).Holder;

        Assert.Equal(held.Holder! with { Ttl = TimeSpan.FromMinutes(1), ExpiresAt = T0.AddSeconds(20).AddMinutes(1) }, holder);
        Assert.Equal(5, holder.FencingToken);
    }

    [Fact]
    public void Extend_emits_one_LockExtended_event()
    {
        var held = HeldBy("alice", Ttl, lastFencingToken: 1);
        var now = T0.AddSeconds(2);

        var decision = LockStateMachine.Decide(held, new ExtendLock(HandleOf("alice"), TimeSpan.FromSeconds(8)), now);

        Assert.Equal(new LockExtended(Key, "alice", 2, now, TimeSpan.FromSeconds(8), now.AddSeconds(8)), Assert.Single(decision.Events));
    }

    [Fact]
    public void Extend_of_a_lock_held_without_ttl_gives_it_a_deadline()
    {
        var held = HeldBy("alice", ttl: null);

        var (state, _) = Run(held, new ExtendLock(HandleOf("alice"), Ttl), T0.AddHours(1));

        Assert.Equal(T0.AddHours(1) + Ttl, state.Holder!.ExpiresAt);
    }

    [Theory]
    [InlineData("wrong-handle")]
    [InlineData("handle-of-alicE")]
    [InlineData("handle-of-alic")]
    [InlineData("handle-of-alice ")]
    public void Extend_with_a_wrong_handle_is_not_held_with_the_current_holder_and_no_events(string handle)
    {
        var held = HeldBy("alice", Ttl);

        var decision = LockStateMachine.Decide(held, new ExtendLock(handle, TimeSpan.FromDays(1)), T0.AddSeconds(1));

        Assert.Equal(held.Holder, ReplyOf<NotHeld>(decision).CurrentHolder);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Extend_with_the_previous_holders_handle_is_not_held()
    {
        var (released, _) = Run(HeldBy("alice", Ttl), ReleaseLock.ByOwner("alice"), T0.AddSeconds(1));
        var (bobHolds, _) = Run(released, Acquire("bob", Ttl), T0.AddSeconds(2));

        var decision = LockStateMachine.Decide(bobHolds, new ExtendLock(HandleOf("alice"), Ttl), T0.AddSeconds(3));

        Assert.Equal(bobHolds.Holder, ReplyOf<NotHeld>(decision).CurrentHolder);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Extend_of_a_free_lock_is_not_held_by_anyone()
    {
        var decision = LockStateMachine.Decide(Free(), new ExtendLock("any", Ttl), T0);

        Assert.Null(ReplyOf<NotHeld>(decision).CurrentHolder);
        Assert.Empty(decision.Events);
    }
}
