using static AkkaLocks.Core.Tests.Locks;

namespace AkkaLocks.Core.Tests;

/// <summary>A holder past its deadline (now >= ExpiresAt) is never reported: every command first records the lapse.</summary>
public class LockStateMachineExpiryTests
{
    private static readonly TimeSpan TenSeconds = TimeSpan.FromSeconds(10);
    private static readonly DateTimeOffset Deadline = T0 + TenSeconds;
    private static readonly TimeSpan OneTick = TimeSpan.FromTicks(1);

    /// <summary>alice holds token 5 until <see cref="Deadline"/>.</summary>
    private static LockState AliceUntilDeadline() => HeldBy("alice", TenSeconds, lastFencingToken: 4);

    private static void AssertLapseOfAlice(LockEvent e, DateTimeOffset now)
    {
        var expired = Assert.IsType<LockExpired>(e);
        Assert.Equal(new LockExpired(Key, "alice", 5, now), expired);
    }

    [Fact]
    public void The_exact_deadline_instant_counts_as_expired()
    {
        var (state, decision) = Run(AliceUntilDeadline(), InspectLock.Instance, Deadline);

        AssertLapseOfAlice(Assert.Single(decision.Events), Deadline);
        Assert.Null(ReplyOf<LockStatus>(decision).Holder);
        Assert.Null(state.Holder);
    }

    [Fact]
    public void One_tick_before_the_deadline_the_lock_is_still_held()
    {
        var held = AliceUntilDeadline();

        var decision = LockStateMachine.Decide(held, InspectLock.Instance, Deadline - OneTick);

        Assert.Empty(decision.Events);
        Assert.Equal(held.Holder, ReplyOf<LockStatus>(decision).Holder);
    }

    [Fact]
    public void Inspect_after_the_deadline_returns_a_free_status_with_the_last_token()
    {
        var decision = LockStateMachine.Decide(AliceUntilDeadline(), InspectLock.Instance, Deadline.AddHours(1));

        Assert.Equal(new LockStatus(Key, null, 5), decision.Reply);
        AssertLapseOfAlice(Assert.Single(decision.Events), Deadline.AddHours(1));
    }

    [Fact]
    public void Expired_lock_is_granted_to_another_owner_with_a_higher_fencing_token()
    {
        var now = Deadline.AddSeconds(1);

        var (state, decision) = Run(AliceUntilDeadline(), Acquire("bob", Ttl), now);

        Assert.Collection(decision.Events,
            e => AssertLapseOfAlice(e, now),
            e => Assert.Equal(6, Assert.IsType<LockAcquired>(e).FencingToken));
        var granted = ReplyOf<Granted>(decision);
        Assert.False(granted.AlreadyHeld);
        Assert.Equal("bob", granted.Holder.Owner);
        Assert.Equal(6, granted.Holder.FencingToken);
        Assert.Equal(granted.Holder, state.Holder);
    }

    [Fact]
    public void Expired_holder_acquiring_again_gets_a_new_grant_not_its_old_one()
    {
        var decision = LockStateMachine.Decide(AliceUntilDeadline(), Acquire("alice", Ttl, handle: "fresh"), Deadline);

        var granted = ReplyOf<Granted>(decision);
        Assert.False(granted.AlreadyHeld);
        Assert.Equal("fresh", granted.Holder.Handle);
        Assert.Equal(6, granted.Holder.FencingToken);
        Assert.Equal(Deadline + Ttl, granted.Holder.ExpiresAt);
        Assert.Equal(2, decision.Events.Count);
    }

    [Fact]
    public void Busy_is_never_reported_for_an_expired_holder_even_without_take_over()
    {
        var decision = LockStateMachine.Decide(AliceUntilDeadline(), Acquire("bob", Ttl, takeOver: false), Deadline);

        Assert.IsType<Granted>(decision.Reply);
    }

    [Fact]
    public void Take_over_of_an_expired_lock_records_the_expiry_not_a_force_release()
    {
        var decision = LockStateMachine.Decide(AliceUntilDeadline(), Acquire("bob", Ttl, takeOver: true), Deadline);

        Assert.Collection(decision.Events,
            e => AssertLapseOfAlice(e, Deadline),
            e => Assert.IsType<LockAcquired>(e));
    }

    [Fact]
    public void Extend_after_the_deadline_is_not_held_even_with_the_right_handle()
    {
        var (state, decision) = Run(AliceUntilDeadline(), new ExtendLock(HandleOf("alice"), Ttl), Deadline);

        AssertLapseOfAlice(Assert.Single(decision.Events), Deadline);
        Assert.Null(ReplyOf<NotHeld>(decision).CurrentHolder);
        Assert.Null(state.Holder);
    }

    [Fact]
    public void Extend_one_tick_before_the_deadline_still_succeeds()
    {
        var decision = LockStateMachine.Decide(AliceUntilDeadline(), new ExtendLock(HandleOf("alice"), Ttl), Deadline - OneTick);

        Assert.Equal(Deadline - OneTick + Ttl, ReplyOf<Extended>(decision).Holder.ExpiresAt);
    }

    [Fact]
    public void Extend_with_a_wrong_handle_after_the_deadline_does_not_report_the_expired_holder()
    {
        var decision = LockStateMachine.Decide(AliceUntilDeadline(), new ExtendLock("wrong", Ttl), Deadline);

        AssertLapseOfAlice(Assert.Single(decision.Events), Deadline);
        Assert.Null(ReplyOf<NotHeld>(decision).CurrentHolder);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Release_after_the_deadline_records_the_expiry_and_is_not_held(bool byHandle)
    {
        var release = byHandle ? ReleaseLock.ByHandle(HandleOf("alice")) : ReleaseLock.ByOwner("alice");

        var decision = LockStateMachine.Decide(AliceUntilDeadline(), release, Deadline.AddMinutes(1));

        AssertLapseOfAlice(Assert.Single(decision.Events), Deadline.AddMinutes(1));
        Assert.Null(ReplyOf<NotHeld>(decision).CurrentHolder);
    }

    [Fact]
    public void Force_release_after_the_deadline_records_the_expiry_and_is_not_held()
    {
        var decision = LockStateMachine.Decide(AliceUntilDeadline(), new ForceReleaseLock(), Deadline);

        AssertLapseOfAlice(Assert.Single(decision.Events), Deadline);
        Assert.Null(ReplyOf<NotHeld>(decision).CurrentHolder);
    }

    [Fact]
    public void Expiry_timer_at_the_deadline_frees_the_lock()
    {
        var (state, decision) = Run(AliceUntilDeadline(), ExpireLock.Instance, Deadline);

        AssertLapseOfAlice(Assert.Single(decision.Events), Deadline);
        Assert.Equal(new LockStatus(Key, null, 5), decision.Reply);
        Assert.Equal(Free(lastFencingToken: 5), state);
    }

    [Fact]
    public void Expiry_timer_firing_early_changes_nothing()
    {
        var held = AliceUntilDeadline();

        var decision = LockStateMachine.Decide(held, ExpireLock.Instance, Deadline - OneTick);

        Assert.Empty(decision.Events);
        Assert.Equal(held.Holder, ReplyOf<LockStatus>(decision).Holder);
    }

    [Fact]
    public void Expiry_timer_for_a_lock_extended_meanwhile_changes_nothing()
    {
        var (extended, _) = Run(AliceUntilDeadline(), new ExtendLock(HandleOf("alice"), TenSeconds), T0.AddSeconds(5));

        var decision = LockStateMachine.Decide(extended, ExpireLock.Instance, Deadline);

        Assert.Empty(decision.Events);
        Assert.Equal(extended.Holder, ReplyOf<LockStatus>(decision).Holder);
    }

    [Fact]
    public void Expiry_timer_on_a_free_lock_changes_nothing()
    {
        var decision = LockStateMachine.Decide(Free(lastFencingToken: 2), ExpireLock.Instance, T0);

        Assert.Empty(decision.Events);
        Assert.Equal(new LockStatus(Key, null, 2), decision.Reply);
    }

    [Fact]
    public void Lock_without_ttl_never_lapses()
    {
        var held = HeldBy("alice", ttl: null);

        var decision = LockStateMachine.Decide(held, ExpireLock.Instance, DateTimeOffset.MaxValue);

        Assert.Empty(decision.Events);
        Assert.Equal(held.Holder, ReplyOf<LockStatus>(decision).Holder);
    }

    [Fact]
    public void Expired_lock_is_recorded_as_lapsed_only_once()
    {
        var (lapsed, first) = Run(AliceUntilDeadline(), InspectLock.Instance, Deadline);
        var second = LockStateMachine.Decide(lapsed, InspectLock.Instance, Deadline.AddSeconds(1));

        Assert.Single(first.Events);
        Assert.Empty(second.Events);
    }
}
