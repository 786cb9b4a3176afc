using static AkkaLocks.Core.Tests.Locks;

namespace AkkaLocks.Core.Tests;

/// <summary>The small value types around the state machine: holder, state and decision.</summary>
public class LockModelTests
{
    private static readonly TimeSpan OneTick = TimeSpan.FromTicks(1);

    private static LockHolder HolderUntil(DateTimeOffset? expiresAt) =>
        new("alice", "h", 1, T0, expiresAt is null ? null : Ttl, expiresAt, null, null);

    [Fact]
    public void Holder_is_live_until_one_tick_before_its_deadline()
    {
        var holder = HolderUntil(T0 + Ttl);

        Assert.True(holder.IsLiveAt(T0));
        Assert.True(holder.IsLiveAt(T0 + Ttl - OneTick));
        Assert.False(holder.IsLiveAt(T0 + Ttl));
        Assert.False(holder.IsLiveAt(T0 + Ttl + OneTick));
    }

    [Fact]
    public void Holder_without_deadline_is_always_live()
    {
        Assert.True(HolderUntil(null).IsLiveAt(DateTimeOffset.MaxValue));
    }

    [Fact]
    public void Remaining_time_counts_down_to_zero_and_stays_there()
    {
        var holder = HolderUntil(T0 + Ttl);

        Assert.Equal(Ttl, holder.RemainingAt(T0));
        Assert.Equal(TimeSpan.FromSeconds(10), holder.RemainingAt(T0 + Ttl - TimeSpan.FromSeconds(10)));
        Assert.Equal(TimeSpan.Zero, holder.RemainingAt(T0 + Ttl));
        Assert.Equal(TimeSpan.Zero, holder.RemainingAt(T0 + Ttl + TimeSpan.FromHours(1)));
        Assert.Null(HolderUntil(null).RemainingAt(T0));
    }

    [Fact]
    public void Free_state_has_no_holder_and_token_zero()
    {
        var free = LockState.Free(Key);

        Assert.Equal(new LockState(Key, 0, null), free);
        Assert.False(free.IsHeld);
        Assert.Null(free.HolderAt(T0));
    }

    [Fact]
    public void State_reports_its_holder_only_while_live()
    {
        var state = new LockState(Key, 1, HolderUntil(T0 + Ttl));

        Assert.True(state.IsHeld);
        Assert.Equal(state.Holder, state.HolderAt(T0 + Ttl - OneTick));
        Assert.Null(state.HolderAt(T0 + Ttl));
    }

    [Fact]
    public void After_puts_the_given_event_before_the_decisions_own_events()
    {
        var first = new LockExpired(Key, "alice", 1, T0);
        var second = new LockAcquired(Key, "bob", 2, T0, "h", null, null, null, null);
        var reply = new NotHeld(null);

        var decision = LockDecision.Change(reply, second).After(first);

        Assert.Equal([first, second], decision.Events);
        Assert.Same(reply, decision.Reply);
    }

    [Fact]
    public void Answer_is_a_reply_without_events()
    {
        var decision = LockDecision.Answer(new NotHeld(null));

        Assert.Empty(decision.Events);
        Assert.Equal(new NotHeld(null), decision.Reply);
    }

    [Fact]
    public void Release_proof_is_the_handle_when_given_else_the_owner()
    {
        var holder = HolderUntil(null);

        Assert.True(ReleaseLock.ByHandle("h").IsProvenBy(holder));
        Assert.False(ReleaseLock.ByHandle("x").IsProvenBy(holder));
        Assert.True(ReleaseLock.ByOwner("alice").IsProvenBy(holder));
        Assert.False(ReleaseLock.ByOwner("bob").IsProvenBy(holder));
        Assert.False(new ReleaseLock("x", "alice").IsProvenBy(holder));
    }
}
