using static AkkaLocks.Core.Tests.Locks;

namespace AkkaLocks.Core.Tests;

/// <summary>A command that breaks <see cref="LockCommandRules"/> is rejected before it touches the lock.</summary>
public class InvalidCommandTests
{
    private static readonly TimeSpan OneTick = TimeSpan.FromTicks(1);

    public static TheoryData<LockCommand> InvalidCommands => new()
    {
        // bad owner
        Acquire("", Ttl),
        Acquire(null!, Ttl),
        Acquire("line\nbreak", Ttl),
        Acquire(new string('o', 257), Ttl),
        // bad handle
        Acquire("bob", Ttl, handle: ""),
        new AcquireLock("bob", null!, Ttl),
        Acquire("bob", Ttl, handle: new string('h', 513)),
        // ttl out of range
        Acquire("bob", TimeSpan.FromMilliseconds(99)),
        Acquire("bob", TimeSpan.Zero),
        Acquire("bob", TimeSpan.FromSeconds(-1)),
        Acquire("bob", TimeSpan.FromDays(30) + OneTick),
        // data too big
        Acquire("bob", Ttl, data: new string('d', LockLimits.MaxDataBytes + 1)),
        Acquire("bob", Ttl, data: new string('é', LockLimits.MaxDataBytes / 2 + 1)),
        // extend
        new ExtendLock("", Ttl),
        new ExtendLock(null!, Ttl),
        new ExtendLock(HandleOf("alice"), TimeSpan.FromMilliseconds(50)),
        new ExtendLock(HandleOf("alice"), TimeSpan.FromDays(31)),
        // release
        new ReleaseLock(null, null),
        ReleaseLock.ByHandle(""),
        new ReleaseLock("", "alice"),
        ReleaseLock.ByOwner(""),
        ReleaseLock.ByOwner("al\u0000ice"),
        ReleaseLock.ByOwner(new string('o', 257)),
    };

    [Theory]
    [MemberData(nameof(InvalidCommands))]
    public void Invalid_command_on_a_held_lock_is_rejected_with_a_reason_and_no_events(LockCommand command)
    {
        var held = HeldBy("alice", Ttl);

        var (state, decision) = Run(held, command, T0.AddSeconds(1));

        Assert.False(string.IsNullOrWhiteSpace(ReplyOf<Rejected>(decision).Reason));
        Assert.Empty(decision.Events);
        Assert.Equal(held, state);
    }

    [Theory]
    [MemberData(nameof(InvalidCommands))]
    public void Invalid_command_on_a_free_lock_is_rejected_and_grants_nothing(LockCommand command)
    {
        var free = Free(lastFencingToken: 7);

        var (state, decision) = Run(free, command, T0);

        Assert.IsType<Rejected>(decision.Reply);
        Assert.Empty(decision.Events);
        Assert.Equal(free, state);
    }

    [Theory]
    [MemberData(nameof(InvalidCommands))]
    public void Invalid_command_on_an_expired_lock_is_rejected_without_recording_the_lapse(LockCommand command)
    {
        var expired = HeldBy("alice", Ttl);

        var decision = LockStateMachine.Decide(expired, command, T0 + Ttl + TimeSpan.FromSeconds(1));

        Assert.IsType<Rejected>(decision.Reply);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Rejected_acquire_does_not_use_up_a_fencing_token()
    {
        var (afterRejection, _) = Run(Free(), Acquire("bob", TimeSpan.FromMilliseconds(1)), T0);

        var granted = ReplyOf<Granted>(LockStateMachine.Decide(afterRejection, Acquire("bob", Ttl), T0));

        Assert.Equal(1, granted.Holder.FencingToken);
    }

    [Fact]
    public void Rejection_reason_is_the_rule_that_was_broken()
    {
        Assert.Equal(LockLimits.TtlRangeMessage,
            ReplyOf<Rejected>(LockStateMachine.Decide(Free(), Acquire("bob", TimeSpan.FromMilliseconds(99)), T0)).Reason);
        Assert.Equal("A release needs the lock handle or the owner.",
            ReplyOf<Rejected>(LockStateMachine.Decide(Free(), new ReleaseLock(null, null), T0)).Reason);
        Assert.Contains("owner",
            ReplyOf<Rejected>(LockStateMachine.Decide(Free(), Acquire("", Ttl), T0)).Reason);
        Assert.Contains("handle",
            ReplyOf<Rejected>(LockStateMachine.Decide(Free(), new ExtendLock("", Ttl), T0)).Reason);
        Assert.Contains("64 KiB",
            ReplyOf<Rejected>(LockStateMachine.Decide(Free(), Acquire("bob", Ttl, data: new string('d', 70000)), T0)).Reason);
    }

    public static TheoryData<LockCommand> ValidCommands => new()
    {
        Acquire("bob", ttl: null),
        Acquire("bob", LockLimits.MinTtl),
        Acquire("bob", LockLimits.MaxTtl, data: new string('d', LockLimits.MaxDataBytes)),
        Acquire("a client id with spaces/and slashes", Ttl, handle: new string('h', 512)),
        new ExtendLock("h", LockLimits.MinTtl),
        ReleaseLock.ByHandle("h"),
        ReleaseLock.ByOwner("bob"),
        new ForceReleaseLock(ForceReleaseReason.Reset),
        ExpireLock.Instance,
        InspectLock.Instance,
    };

    [Theory]
    [MemberData(nameof(ValidCommands))]
    public void Valid_commands_pass_the_rules(LockCommand command)
    {
        Assert.Null(LockCommandRules.Check(command));
        Assert.IsNotType<Rejected>(LockStateMachine.Decide(Free(), command, T0).Reply);
    }
}
