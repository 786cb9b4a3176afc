using static AkkaLocks.Core.Tests.Locks;

namespace AkkaLocks.Core.Tests;

public class LockStateMachineAcquireTests
{
    [Fact]
    public void Free_lock_is_granted_with_the_token_after_the_last_one()
    {
        var decision = LockStateMachine.Decide(Free(lastFencingToken: 41), Acquire("alice", Ttl), T0);

        var granted = ReplyOf<Granted>(decision);
        Assert.False(granted.AlreadyHeld);
        Assert.Equal(42, granted.Holder.FencingToken);
    }

    [Fact]
    public void First_grant_of_a_new_lock_has_token_1()
    {
        var granted = ReplyOf<Granted>(LockStateMachine.Decide(LockState.Free(Key), Acquire("alice", Ttl), T0));

        Assert.Equal(1, granted.Holder.FencingToken);
    }

    [Fact]
    public void Grant_carries_the_handle_owner_data_and_address_of_the_command()
    {
        var command = Acquire("alice", Ttl, handle: "h-123", data: """{"job":7}""", clientAddress: "10.0.0.7");

        var holder = ReplyOf<Granted>(LockStateMachine.Decide(Free(), command, T0)).Holder;

        Assert.Equal("alice", holder.Owner);
        Assert.Equal("h-123", holder.Handle);
        Assert.Equal("""{"job":7}""", holder.Data);
        Assert.Equal("10.0.0.7", holder.ClientAddress);
        Assert.Equal(T0, holder.AcquiredAt);
        Assert.Equal(Ttl, holder.Ttl);
    }

    [Fact]
    public void Grant_expires_ttl_after_now()
    {
        var now = T0.AddMinutes(5);

        var holder = ReplyOf<Granted>(LockStateMachine.Decide(Free(), Acquire("alice", TimeSpan.FromSeconds(7)), now)).Holder;

        Assert.Equal(now + TimeSpan.FromSeconds(7), holder.ExpiresAt);
    }

    [Fact]
    public void Grant_without_ttl_never_expires()
    {
        var (state, decision) = Run(Free(), Acquire("alice", ttl: null), T0);

        var holder = ReplyOf<Granted>(decision).Holder;
        Assert.Null(holder.Ttl);
        Assert.Null(holder.ExpiresAt);

        // A year later the lock is still held, and nothing lapses.
        var later = LockStateMachine.Decide(state, InspectLock.Instance, T0.AddDays(365));
        Assert.Empty(later.Events);
        Assert.Equal(holder, ReplyOf<LockStatus>(later).Holder);
    }

    [Fact]
    public void Grant_emits_one_LockAcquired_event_describing_the_holder()
    {
        var command = Acquire("alice", Ttl, handle: "h-1", data: "{}", clientAddress: "::1");

        var decision = LockStateMachine.Decide(Free(lastFencingToken: 9), command, T0);

        var acquired = Assert.IsType<LockAcquired>(Assert.Single(decision.Events));
        Assert.Equal(new LockAcquired(Key, "alice", 10, T0, "h-1", Ttl, T0 + Ttl, "{}", "::1"), acquired);
    }

    [Fact]
    public void Applying_the_grant_makes_the_granted_holder_the_state_holder()
    {
        var (state, decision) = Run(Free(lastFencingToken: 3), Acquire("alice", Ttl), T0);

        Assert.Equal(ReplyOf<Granted>(decision).Holder, state.Holder);
        Assert.Equal(4, state.LastFencingToken);
        Assert.True(state.IsHeld);
    }

    [Fact]
    public void Same_owner_acquiring_again_is_already_held_with_the_same_handle_and_token_and_no_events()
    {
        var held = HeldBy("alice", Ttl);

        var decision = LockStateMachine.Decide(held, Acquire("alice", TimeSpan.FromMinutes(10), handle: "a-new-handle", data: "{}"), T0.AddSeconds(5));

        var granted = ReplyOf<Granted>(decision);
        Assert.True(granted.AlreadyHeld);
        Assert.Equal(held.Holder, granted.Holder); // same handle, token, ttl and deadline: nothing renewed
        Assert.Equal(HandleOf("alice"), granted.Holder.Handle);
        Assert.Equal(1, granted.Holder.FencingToken);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Same_owner_acquiring_with_take_over_is_still_already_held()
    {
        var held = HeldBy("alice", Ttl);

        var decision = LockStateMachine.Decide(held, Acquire("alice", Ttl, handle: "other", takeOver: true), T0);

        Assert.True(ReplyOf<Granted>(decision).AlreadyHeld);
        Assert.Equal(held.Holder, ReplyOf<Granted>(decision).Holder);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Another_owner_is_told_busy_with_the_holder_and_nothing_changes()
    {
        var held = HeldBy("alice", Ttl);

        var decision = LockStateMachine.Decide(held, Acquire("bob", Ttl), T0.AddSeconds(1));

        Assert.Equal(held.Holder, ReplyOf<Busy>(decision).Holder);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Take_over_by_another_owner_force_releases_the_holder_then_grants_with_a_higher_token()
    {
        var held = HeldBy("alice", Ttl, lastFencingToken: 6);
        var now = T0.AddSeconds(3);

        var (state, decision) = Run(held, Acquire("bob", TimeSpan.FromSeconds(5), handle: "h-bob", takeOver: true), now);

        Assert.Collection(decision.Events,
            e => Assert.Equal(new LockForceReleased(Key, "alice", 7, now, ForceReleaseReason.TakeOver), e),
            e => Assert.Equal(new LockAcquired(Key, "bob", 8, now, "h-bob", TimeSpan.FromSeconds(5), now.AddSeconds(5), null, null), e));
        var granted = ReplyOf<Granted>(decision);
        Assert.False(granted.AlreadyHeld);
        Assert.Equal("bob", granted.Holder.Owner);
        Assert.Equal("h-bob", granted.Holder.Handle);
        Assert.Equal(8, granted.Holder.FencingToken);
        Assert.Equal(granted.Holder, state.Holder);
        Assert.Equal(8, state.LastFencingToken);
    }

    [Fact]
    public void Take_over_of_a_free_lock_is_a_plain_grant()
    {
        var decision = LockStateMachine.Decide(Free(), Acquire("bob", Ttl, takeOver: true), T0);

        Assert.IsType<LockAcquired>(Assert.Single(decision.Events));
        Assert.False(ReplyOf<Granted>(decision).AlreadyHeld);
    }

    [Fact]
    public void Regrant_after_release_has_a_higher_token_than_the_released_one()
    {
        var held = HeldBy("alice", Ttl);
        var (released, _) = Run(held, ReleaseLock.ByOwner("alice"), T0.AddSeconds(1));

        Assert.Equal(1, released.LastFencingToken); // the token survives the release

        var granted = ReplyOf<Granted>(LockStateMachine.Decide(released, Acquire("bob", Ttl), T0.AddSeconds(2)));
        Assert.Equal(2, granted.Holder.FencingToken);
    }
}
