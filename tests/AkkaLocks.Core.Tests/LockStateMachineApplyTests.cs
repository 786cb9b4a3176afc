using static AkkaLocks.Core.Tests.Locks;

namespace AkkaLocks.Core.Tests;

public class LockStateMachineApplyTests
{
    private static readonly LockHolder Alice =
        new("alice", "h-a", 3, T0, Ttl, T0 + Ttl, "{}", "10.0.0.1");

    private static LockState HeldByAlice => new(Key, 3, Alice);

    [Fact]
    public void Applying_LockAcquired_installs_the_holder_and_its_token()
    {
        var acquired = new LockAcquired(Key, "bob", 4, T0.AddSeconds(1), "h-b", Ttl, T0.AddSeconds(1) + Ttl, "[1]", "::1");

        var state = LockStateMachine.Apply(Free(lastFencingToken: 3), acquired);

        Assert.Equal(new LockHolder("bob", "h-b", 4, T0.AddSeconds(1), Ttl, T0.AddSeconds(1) + Ttl, "[1]", "::1"), state.Holder);
        Assert.Equal(4, state.LastFencingToken);
        Assert.Equal(Key, state.Key);
    }

    [Fact]
    public void Applying_an_old_LockAcquired_never_lowers_the_last_token()
    {
        var stale = new LockAcquired(Key, "bob", 2, T0, "h-b", null, null, null, null);

        var state = LockStateMachine.Apply(Free(lastFencingToken: 9), stale);

        Assert.Equal(9, state.LastFencingToken);
    }

    [Fact]
    public void Applying_LockExtended_changes_only_ttl_and_deadline()
    {
        var extended = new LockExtended(Key, "alice", 3, T0.AddSeconds(10), TimeSpan.FromMinutes(2), T0.AddSeconds(10).AddMinutes(2));

        var state = LockStateMachine.Apply(HeldByAlice, extended);

        Assert.Equal(Alice with { Ttl = TimeSpan.FromMinutes(2), ExpiresAt = T0.AddSeconds(10).AddMinutes(2) }, state.Holder);
        Assert.Equal(3, state.LastFencingToken);
    }

    [Fact]
    public void Applying_LockExtended_to_a_free_lock_changes_nothing()
    {
        var free = Free(lastFencingToken: 3);

        var state = LockStateMachine.Apply(free, new LockExtended(Key, "alice", 3, T0, Ttl, T0 + Ttl));

        Assert.Equal(free, state);
    }

    public static TheoryData<LockEvent> EndingEvents => new()
    {
        new LockReleased(Key, "alice", 3, T0),
        new LockExpired(Key, "alice", 3, T0),
        new LockForceReleased(Key, "alice", 3, T0, ForceReleaseReason.Admin),
        new LockForceReleased(Key, "alice", 3, T0, ForceReleaseReason.TakeOver),
    };

    [Theory]
    [MemberData(nameof(EndingEvents))]
    public void Applying_a_release_expiry_or_force_release_frees_the_lock_and_keeps_the_token(LockEvent ending)
    {
        var state = LockStateMachine.Apply(HeldByAlice, ending);

        Assert.Equal(new LockState(Key, 3, null), state);
    }

    public static TheoryData<string, LockCommand, int> Commands => new()
    {
        { "free", Acquire("bob", Ttl), 0 },
        { "free", Acquire("bob", null, takeOver: true), 0 },
        { "alice", Acquire("alice", Ttl), 0 },
        { "alice", Acquire("bob", Ttl), 0 },
        { "alice", Acquire("bob", Ttl, takeOver: true), 0 },
        { "alice", new ExtendLock(HandleOf("alice"), TimeSpan.FromMinutes(1)), 0 },
        { "alice", new ExtendLock("wrong", TimeSpan.FromMinutes(1)), 0 },
        { "alice", ReleaseLock.ByHandle(HandleOf("alice")), 0 },
        { "alice", ReleaseLock.ByOwner("bob"), 0 },
        { "alice", new ForceReleaseLock(), 0 },
        { "alice", InspectLock.Instance, 0 },
        { "alice", ExpireLock.Instance, 0 },
        { "alice", Acquire("bob", Ttl), 60 },     // after alice's 30 s deadline
        { "alice", new ExtendLock(HandleOf("alice"), Ttl), 60 },
        { "alice", InspectLock.Instance, 60 },
        { "alice", ExpireLock.Instance, 60 },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Applying_the_events_of_a_decision_yields_the_state_the_reply_describes(string start, LockCommand command, int secondsLater)
    {
        var before = start == "alice" ? HeldBy("alice", Ttl, lastFencingToken: 5) : Free(lastFencingToken: 5);
        var now = T0.AddSeconds(secondsLater);

        var (after, decision) = Run(before, command, now);

        switch (decision.Reply)
        {
            case Granted g:
                Assert.Equal(g.Holder, after.Holder);
                Assert.Equal(g.Holder.FencingToken, after.LastFencingToken);
                break;
            case Busy b:
                Assert.Equal(b.Holder, after.Holder);
                break;
            case Extended x:
                Assert.Equal(x.Holder, after.Holder);
                break;
            case Released r:
                Assert.Null(after.Holder);
                Assert.Equal(r.FormerHolder, before.Holder);
                break;
            case NotHeld n:
                Assert.Equal(n.CurrentHolder, after.Holder);
                break;
            case LockStatus s:
                Assert.Equal(new LockStatus(after.Key, after.Holder, after.LastFencingToken), s);
                break;
            default:
                Assert.Fail($"Unexpected reply {decision.Reply}");
                break;
        }
    }

    [Fact]
    public void Replaying_every_event_from_a_free_lock_rebuilds_the_state()
    {
        var state = Free();
        var journal = new List<LockEvent>();
        void Do(LockCommand command, DateTimeOffset now)
        {
            var (next, decision) = Run(state, command, now);
            journal.AddRange(decision.Events);
            state = next;
        }

        Do(Acquire("alice", Ttl), T0);
        Do(new ExtendLock(HandleOf("alice"), Ttl), T0.AddSeconds(20));
        Do(Acquire("bob", Ttl, takeOver: true), T0.AddSeconds(25));
        Do(ReleaseLock.ByOwner("bob"), T0.AddSeconds(26));
        Do(Acquire("carol", TimeSpan.FromSeconds(1)), T0.AddSeconds(27));
        Do(Acquire("dave", null), T0.AddSeconds(40)); // carol lapsed first

        Assert.Equal(state, ApplyAll(LockState.Free(Key), journal));
        Assert.Equal(4, state.LastFencingToken); // alice 1, bob 2, carol 3, dave 4
        Assert.Equal("dave", state.Holder!.Owner);
        Assert.Equal(
            [typeof(LockAcquired), typeof(LockExtended), typeof(LockForceReleased), typeof(LockAcquired), typeof(LockReleased),
             typeof(LockAcquired), typeof(LockExpired), typeof(LockAcquired)],
            journal.Select(e => e.GetType()));
    }
}
