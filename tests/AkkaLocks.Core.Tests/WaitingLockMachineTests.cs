using static AkkaLocks.Core.Tests.Locks;

namespace AkkaLocks.Core.Tests;

public class WaitingLockMachineTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private const int MaxWaiters = 3;

    private static AcquireLock Waiting(string owner, TimeSpan? wait = null, string? requestId = null, string? handle = null) =>
        new(owner, handle ?? HandleOf(owner), Ttl, Wait: wait ?? Wait, RequestId: requestId);

    private sealed record Lock(LockState State, WaitQueue Queue);

    private static (Lock Lock, WaitingDecision Decision) Run(Lock l, LockCommand command, DateTimeOffset now)
    {
        var decision = WaitingLockMachine.Decide(l.State, l.Queue, command, now, MaxWaiters);
        return (new Lock(ApplyAll(l.State, decision.Events), decision.Queue), decision);
    }

    private static Lock HeldByAlice() => new(HeldBy("alice", Ttl), WaitQueue.Empty);

    [Fact]
    public void Busy_acquire_that_may_wait_is_queued_without_a_reply()
    {
        var (l, decision) = Run(HeldByAlice(), Waiting("bob"), T0);

        Assert.Null(decision.Reply);
        Assert.Empty(decision.Events);
        Assert.Equal(["bob"], l.Queue.Waiters.Select(w => w.Request.Owner));
        var queued = Assert.IsType<WaiterQueued>(Assert.Single(decision.Notices));
        Assert.Equal(1, queued.Position);
    }

    [Fact]
    public void Busy_acquire_without_a_wait_is_answered_busy_and_not_queued()
    {
        var (l, decision) = Run(HeldByAlice(), Waiting("bob", wait: TimeSpan.Zero), T0);

        Assert.IsType<Busy>(decision.Reply);
        Assert.True(l.Queue.IsEmpty);
    }

    [Fact]
    public void Release_hands_the_lock_to_the_first_waiter_in_a_persisted_grant()
    {
        var (l, _) = Run(HeldByAlice(), Waiting("bob"), T0);
        (l, _) = Run(l, Waiting("carol"), T0);

        var (after, decision) = Run(l, ReleaseLock.ByHandle(HandleOf("alice")), T0.AddSeconds(1));

        Assert.IsType<Released>(decision.Reply);
        Assert.Equal([typeof(LockReleased), typeof(LockAcquired)], decision.Events.Select(e => e.GetType()));
        var handOff = Assert.Single(decision.WaiterReplies);
        Assert.Equal(HandleOf("bob"), handOff.Handle);
        var granted = Assert.IsType<Granted>(handOff.Reply);
        Assert.Equal(2, granted.Holder.FencingToken);
        Assert.Equal("bob", after.State.Holder!.Owner);
        Assert.Equal(["carol"], after.Queue.Waiters.Select(w => w.Request.Owner));
    }

    [Fact]
    public void Waiters_are_served_in_the_order_they_queued()
    {
        var l = HeldByAlice();
        foreach (var owner in new[] { "w1", "w2", "w3" }) (l, _) = Run(l, Waiting(owner), T0);

        var served = new List<string>();
        var holder = "alice";
        for (var i = 0; i < 3; i++)
        {
            (l, _) = Run(l, ReleaseLock.ByHandle(HandleOf(holder)), T0.AddSeconds(1));
            holder = l.State.Holder!.Owner;
            served.Add(holder);
        }

        Assert.Equal(["w1", "w2", "w3"], served);
    }

    [Fact]
    public void Expiry_and_force_release_hand_the_lock_over_too()
    {
        var (l, _) = Run(HeldByAlice(), Waiting("bob", wait: Ttl * 3), T0);
        (l, _) = Run(l, Waiting("carol", wait: Ttl * 3), T0);

        var (expired, byExpiry) = Run(l, ExpireLock.Instance, T0 + Ttl);
        Assert.Equal([typeof(LockExpired), typeof(LockAcquired)], byExpiry.Events.Select(e => e.GetType()));
        Assert.Equal("bob", expired.State.Holder!.Owner);

        var (forced, byForce) = Run(expired, new ForceReleaseLock(), T0 + Ttl);
        Assert.Equal([typeof(LockForceReleased), typeof(LockAcquired)], byForce.Events.Select(e => e.GetType()));
        Assert.Equal("carol", forced.State.Holder!.Owner);
    }

    [Fact]
    public void Waiter_whose_wait_ran_out_is_answered_busy_and_never_granted()
    {
        var (l, _) = Run(HeldByAlice(), Waiting("bob", wait: TimeSpan.FromSeconds(5)), T0);

        var (timedOut, decision) = Run(l, ExpireWaiters.Instance, T0.AddSeconds(5));
        Assert.IsType<Busy>(Assert.Single(decision.WaiterReplies).Reply);
        Assert.Equal(WaiterLeftReason.TimedOut, Assert.IsType<WaiterLeft>(Assert.Single(decision.Notices)).Reason);
        Assert.True(timedOut.Queue.IsEmpty);

        var (released, _) = Run(timedOut, ReleaseLock.ByHandle(HandleOf("alice")), T0.AddSeconds(6));
        Assert.Null(released.State.Holder);
    }

    [Fact]
    public void Release_after_a_wait_ran_out_skips_that_waiter_even_before_its_timer()
    {
        var (l, _) = Run(HeldByAlice(), Waiting("bob", wait: TimeSpan.FromSeconds(5)), T0);
        (l, _) = Run(l, Waiting("carol"), T0);

        var (after, decision) = Run(l, ReleaseLock.ByHandle(HandleOf("alice")), T0.AddSeconds(6));

        Assert.Equal("carol", after.State.Holder!.Owner);
        Assert.Contains(decision.WaiterReplies, r => r.Handle == HandleOf("bob") && r.Reply is Busy);
    }

    [Fact]
    public void Abandoned_waiter_leaves_the_queue_at_once()
    {
        var (l, _) = Run(HeldByAlice(), Waiting("bob"), T0);

        var (after, decision) = Run(l, new AbandonAcquire(HandleOf("bob")), T0);

        Assert.True(after.Queue.IsEmpty);
        Assert.Empty(decision.Events);
        Assert.Equal(WaiterLeftReason.Abandoned, Assert.IsType<WaiterLeft>(Assert.Single(decision.Notices)).Reason);
        var (released, _) = Run(after, ReleaseLock.ByHandle(HandleOf("alice")), T0);
        Assert.Null(released.State.Holder);
    }

    [Fact]
    public void Grant_that_reached_an_abandoned_caller_is_released_and_passed_on()
    {
        var (l, _) = Run(HeldByAlice(), Waiting("bob"), T0);
        (l, _) = Run(l, Waiting("carol"), T0);
        (l, _) = Run(l, ReleaseLock.ByHandle(HandleOf("alice")), T0);
        Assert.Equal("bob", l.State.Holder!.Owner);

        var (after, decision) = Run(l, new AbandonAcquire(HandleOf("bob")), T0);

        Assert.Equal([typeof(LockReleased), typeof(LockAcquired)], decision.Events.Select(e => e.GetType()));
        Assert.Equal("carol", after.State.Holder!.Owner);
    }

    [Fact]
    public void Abandoning_a_request_that_holds_nothing_changes_nothing()
    {
        var (after, decision) = Run(HeldByAlice(), new AbandonAcquire("someone-else"), T0);

        Assert.IsType<NotHeld>(decision.Reply);
        Assert.Empty(decision.Events);
        Assert.Equal("alice", after.State.Holder!.Owner);
    }

    [Fact]
    public void Queue_is_bounded_and_a_waiter_beyond_the_bound_is_told_so()
    {
        var l = HeldByAlice();
        for (var i = 0; i < MaxWaiters; i++) (l, _) = Run(l, Waiting("w" + i), T0);

        var (after, decision) = Run(l, Waiting("late"), T0);

        Assert.True(Assert.IsType<Busy>(decision.Reply).QueueFull);
        Assert.Equal(MaxWaiters, after.Queue.Count);
    }

    [Fact]
    public void Retry_of_a_granted_request_returns_the_original_grant()
    {
        var (l, first) = Run(new Lock(Free(), WaitQueue.Empty), Waiting("bob", requestId: "r1", handle: "h1"), T0);

        var (after, retry) = Run(l, Waiting("bob", requestId: "r1", handle: "h2"), T0.AddSeconds(1));

        var granted = Assert.IsType<Granted>(retry.Reply);
        Assert.True(granted.AlreadyHeld);
        Assert.Equal(Assert.IsType<Granted>(first.Reply).Holder, granted.Holder);
        Assert.Empty(retry.Events);
        Assert.Equal("h1", after.State.Holder!.Handle);
    }

    [Fact]
    public void Retry_of_a_request_whose_grant_ended_never_gets_a_second_grant()
    {
        var (l, _) = Run(new Lock(Free(), WaitQueue.Empty), Waiting("bob", requestId: "r1"), T0);
        (l, _) = Run(l, ReleaseLock.ByHandle(HandleOf("bob")), T0);

        var (after, retry) = Run(l, Waiting("bob", requestId: "r1", handle: "h2"), T0.AddSeconds(1));

        var ended = Assert.IsType<GrantEnded>(retry.Reply);
        Assert.Equal(1, ended.FencingToken);
        Assert.Empty(retry.Events);
        Assert.Null(after.State.Holder);
    }

    [Fact]
    public void Retry_with_the_request_id_of_another_owner_is_a_new_request()
    {
        var (l, _) = Run(new Lock(Free(), WaitQueue.Empty), Waiting("bob", requestId: "r1"), T0);
        (l, _) = Run(l, ReleaseLock.ByHandle(HandleOf("bob")), T0);

        var (_, decision) = Run(l, Waiting("carol", requestId: "r1"), T0);

        Assert.IsType<Granted>(decision.Reply);
    }

    [Fact]
    public void Retry_while_the_original_waits_takes_its_turn_and_the_original_is_answered_busy()
    {
        var (l, _) = Run(HeldByAlice(), Waiting("bob", requestId: "r1", handle: "h1"), T0);
        (l, _) = Run(l, Waiting("carol"), T0);

        var (after, retry) = Run(l, Waiting("bob", requestId: "r1", handle: "h2"), T0.AddSeconds(1));

        Assert.Null(retry.Reply);
        Assert.Equal("h1", Assert.Single(retry.WaiterReplies).Handle);
        Assert.Equal(["h2", HandleOf("carol")], after.Queue.Waiters.Select(w => w.Handle));
    }

    [Fact]
    public void Request_id_of_a_grant_is_persisted_in_its_event()
    {
        var (_, decision) = Run(new Lock(Free(), WaitQueue.Empty), Waiting("bob", requestId: "r1"), T0);

        Assert.Equal("r1", Assert.IsType<LockAcquired>(Assert.Single(decision.Events)).RequestId);
    }

    [Fact]
    public void Status_lists_the_waiters_in_order_without_their_handles()
    {
        var (l, _) = Run(HeldByAlice(), Waiting("bob"), T0);
        (l, _) = Run(l, Waiting("carol"), T0.AddSeconds(1));

        var (_, decision) = Run(l, InspectLock.Instance, T0.AddSeconds(2));

        var status = Assert.IsType<LockStatus>(decision.Reply);
        Assert.Equal(["bob", "carol"], status.Waiters!.Select(w => w.Owner));
        Assert.Equal(T0.AddSeconds(1) + Wait, status.Waiters![1].Deadline);
    }

    [Fact]
    public void Wait_and_request_id_are_checked_against_the_limits()
    {
        var tooLong = WaitingLockMachine.Decide(Free(), WaitQueue.Empty, Waiting("bob", wait: LockLimits.MaxWait + TimeSpan.FromSeconds(1)), T0, MaxWaiters);
        var badId = WaitingLockMachine.Decide(Free(), WaitQueue.Empty, Waiting("bob", requestId: "a\nb"), T0, MaxWaiters);

        Assert.IsType<Rejected>(tooLong.Reply);
        Assert.IsType<Rejected>(badId.Reply);
    }
}
