using static AkkaLocks.Core.Tests.Locks;

namespace AkkaLocks.Core.Tests;

public class LockStateMachineForceReleaseTests
{
    [Theory]
    [InlineData(ForceReleaseReason.Admin)]
    [InlineData(ForceReleaseReason.Reset)]
    [InlineData(ForceReleaseReason.TakeOver)]
    public void Force_release_frees_whatever_holds_the_lock_with_the_reason(ForceReleaseReason reason)
    {
        var held = HeldBy("alice", Ttl, lastFencingToken: 11);
        var now = T0.AddSeconds(2);

        var (state, decision) = Run(held, new ForceReleaseLock(reason), now);

        Assert.Equal(held.Holder, ReplyOf<Released>(decision).FormerHolder);
        Assert.Equal(new LockForceReleased(Key, "alice", 12, now, reason), Assert.Single(decision.Events));
        Assert.Null(state.Holder);
        Assert.Equal(12, state.LastFencingToken);
    }

    [Fact]
    public void Force_release_frees_a_lock_held_without_ttl()
    {
        var (state, decision) = Run(HeldBy("alice", ttl: null), new ForceReleaseLock(), T0.AddDays(100));

        Assert.IsType<Released>(decision.Reply);
        Assert.Null(state.Holder);
    }

    [Fact]
    public void Force_release_reason_defaults_to_admin()
    {
        var decision = LockStateMachine.Decide(HeldBy("alice", Ttl), new ForceReleaseLock(), T0);

        Assert.Equal(ForceReleaseReason.Admin, Assert.IsType<LockForceReleased>(Assert.Single(decision.Events)).Reason);
    }

    [Fact]
    public void Force_release_of_a_free_lock_is_not_held_and_emits_nothing()
    {
        var decision = LockStateMachine.Decide(Free(lastFencingToken: 3), new ForceReleaseLock(ForceReleaseReason.Reset), T0);

        Assert.Null(ReplyOf<NotHeld>(decision).CurrentHolder);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Force_released_holders_handle_no_longer_works_and_the_next_grant_has_a_higher_token()
    {
        var (state, _) = Run(HeldBy("alice", Ttl), new ForceReleaseLock(), T0.AddSeconds(1));

        var extend = LockStateMachine.Decide(state, new ExtendLock(HandleOf("alice"), Ttl), T0.AddSeconds(2));
        Assert.Null(ReplyOf<NotHeld>(extend).CurrentHolder);

        var granted = ReplyOf<Granted>(LockStateMachine.Decide(state, Acquire("bob", Ttl), T0.AddSeconds(2)));
        Assert.Equal(2, granted.Holder.FencingToken);
    }
}
