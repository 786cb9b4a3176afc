using static AkkaLocks.Core.Tests.Locks;

namespace AkkaLocks.Core.Tests;

/// <summary>A lock taken by an authenticated user answers to that user only, whoever else holds the handle or owner id.</summary>
public sealed class LockOwnershipByUserTests
{
    private static LockState HeldByAlice() =>
        Run(Free(), new AcquireLock("app", HandleOf("app"), Ttl, User: "alice"), T0).State;

    [Fact]
    public void Grant_records_the_authenticated_user()
    {
        Assert.Equal("alice", HeldByAlice().Holder!.User);
    }

    [Fact]
    public void Another_user_with_the_right_handle_cannot_release()
    {
        var (state, decision) = Run(HeldByAlice(), ReleaseLock.ByHandle(HandleOf("app"), user: "mallory"), T0);

        ReplyOf<NotHeld>(decision);
        Assert.Empty(decision.Events);
        Assert.Equal("alice", state.Holder!.User);
    }

    [Fact]
    public void Another_user_with_the_right_handle_cannot_extend()
    {
        var decision = LockStateMachine.Decide(HeldByAlice(), new ExtendLock(HandleOf("app"), Ttl, "mallory"), T0);

        ReplyOf<NotHeld>(decision);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Same_user_with_the_handle_releases()
    {
        var (state, decision) = Run(HeldByAlice(), ReleaseLock.ByHandle(HandleOf("app"), user: "alice"), T0);

        ReplyOf<Released>(decision);
        Assert.Null(state.Holder);
    }

    [Fact]
    public void Same_owner_id_as_another_user_is_busy_and_does_not_learn_the_handle()
    {
        var decision = LockStateMachine.Decide(HeldByAlice(), new AcquireLock("app", "other-handle", Ttl, User: "mallory"), T0);

        var busy = ReplyOf<Busy>(decision);
        Assert.Empty(decision.Events);
        Assert.Equal("alice", busy.Holder.User);
    }

    [Fact]
    public void Release_by_owner_id_needs_the_same_user()
    {
        var decision = LockStateMachine.Decide(HeldByAlice(), ReleaseLock.ByOwner("app", user: "mallory"), T0);

        ReplyOf<NotHeld>(decision);
    }

    [Fact]
    public void Force_release_frees_a_lock_of_any_user()
    {
        var (state, decision) = Run(HeldByAlice(), new ForceReleaseLock(), T0);

        ReplyOf<Released>(decision);
        Assert.Null(state.Holder);
    }
}
