using static AkkaLocks.Core.Tests.Locks;

namespace AkkaLocks.Core.Tests;

/// <summary>
/// Drives one lock with long seeded random command sequences on an advancing clock, applying every decision's
/// events as the actor does, and checks after each step the invariants clients rely on.
/// </summary>
public class FencingTokenPropertyTests
{
    private const int Steps = 4000;

    private static readonly string[] Owners = ["alice", "bob", "carol"];

    private static readonly TimeSpan?[] Ttls =
    [
        LockLimits.MinTtl,
        TimeSpan.FromMilliseconds(750),
        TimeSpan.FromSeconds(2),
        TimeSpan.FromSeconds(10),
        null,
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(2024)]
    [InlineData(123456789)]
    public void Random_command_sequences_never_move_fencing_tokens_backwards_or_report_expired_holders(int seed)
    {
        var run = new Simulation(new Random(seed));

        for (var step = 0; step < Steps; step++)
        {
            try
            {
                run.Step(step);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"Seed {seed}, step {step}: {run.LastAction}", e);
            }
        }

        // Recovery: the journal alone rebuilds the final state.
        Assert.Equal(run.State, ApplyAll(LockState.Free(Key), run.Journal));

        // The run must have exercised every path, or its invariants prove little.
        foreach (var seen in new[]
                 {
                     "Granted", "Granted again", "Busy", "Extended", "Released", "NotHeld by someone", "NotHeld by no one",
                     "LockStatus", "Rejected", "LockAcquired", "LockExtended", "LockReleased", "LockExpired",
                     "LockForceReleased Admin", "LockForceReleased TakeOver", "lapse at the exact deadline",
                 })
        {
            Assert.True(run.Seen.GetValueOrDefault(seen) >= 5, $"'{seen}' happened only {run.Seen.GetValueOrDefault(seen)} times");
        }
    }

    private sealed class Simulation(Random random)
    {
        public LockState State { get; private set; } = LockState.Free(Key);
        public List<LockEvent> Journal { get; } = [];
        public Dictionary<string, int> Seen { get; } = [];
        public string LastAction { get; private set; } = "";

        private readonly List<string> _handles = [];
        private DateTimeOffset _now = T0;
        private long _highestGrantedToken;

        /// <summary>The holder as rebuilt independently from the event stream: who the events say holds the lock.</summary>
        private LockHolder? _holderPerEvents;

        public void Step(int step)
        {
            _now = NextTime();
            var command = NextCommand(step);
            LastAction = $"{command} at {_now:O} on {State}";

            var before = State;
            var decision = LockStateMachine.Decide(before, command, _now);
            var after = ApplyAll(before, decision.Events);

            CheckEvents(decision.Events);
            CheckTokens(before, after);
            CheckReply(before, command, decision, after);
            CheckInspectNeverShowsAnExpiredHolder(after);

            Journal.AddRange(decision.Events);
            State = after;
        }

        private void Count(string what) => Seen[what] = Seen.GetValueOrDefault(what) + 1;

        private DateTimeOffset NextTime()
        {
            var deadline = State.Holder?.ExpiresAt;
            var roll = random.Next(100);
            if (deadline > _now && roll < 12) return deadline.Value;                           // exactly at the deadline
            if (deadline > _now && roll < 20) return deadline.Value - TimeSpan.FromTicks(1);    // one tick before it
            if (roll < 30) return _now;                                                         // same instant
            if (roll < 33) return _now.AddMinutes(random.Next(1, 60));                          // long pause
            return _now.AddMilliseconds(random.Next(1, 1500));
        }

        private LockCommand NextCommand(int step)
        {
            var holder = State.Holder;
            var roll = random.Next(100);
            switch (roll)
            {
                case < 35:
                {
                    var handle = $"h-{step}";
                    _handles.Add(handle);
                    return new AcquireLock(Pick(Owners), handle, Pick(Ttls), TakeOver: random.Next(8) == 0);
                }
                case < 50:
                    return new ExtendLock(SomeHandle(holder), Pick(Ttls) ?? TimeSpan.FromSeconds(3));
                case < 65:
                    return random.Next(3) switch
                    {
                        0 => ReleaseLock.ByHandle(SomeHandle(holder)),
                        1 => ReleaseLock.ByOwner(holder is not null && random.Next(2) == 0 ? holder.Owner : Pick(Owners)),
                        _ => new ReleaseLock(SomeHandle(holder), Pick(Owners)),
                    };
                case < 70:
                    return new ForceReleaseLock(random.Next(2) == 0 ? ForceReleaseReason.Admin : ForceReleaseReason.Reset);
                case < 80:
                    return ExpireLock.Instance;
                case < 94:
                    return InspectLock.Instance;
                default:
                    return random.Next(4) switch
                    {
                        0 => new AcquireLock(Pick(Owners), $"h-{step}", TimeSpan.FromMilliseconds(random.Next(0, 100))),
                        1 => new AcquireLock("", $"h-{step}", null),
                        2 => new ExtendLock(SomeHandle(holder), TimeSpan.FromDays(31)),
                        _ => new ReleaseLock(null, null),
                    };
            }
        }

        /// <summary>Mostly the holder's own handle, sometimes a stale or made-up one.</summary>
        private string SomeHandle(LockHolder? holder)
        {
            var roll = random.Next(10);
            if (holder is not null && roll < 6) return holder.Handle;
            if (_handles.Count > 0 && roll < 9) return _handles[random.Next(_handles.Count)];
            return "not-a-handle";
        }

        private T Pick<T>(T[] items) => items[random.Next(items.Length)];

        private void CheckEvents(IReadOnlyList<LockEvent> events)
        {
            foreach (var e in events)
            {
                Assert.Equal(Key, e.Key);
                Assert.Equal(_now, e.At);
                switch (e)
                {
                    case LockAcquired a:
                        // At most one holder: a grant only ever follows the end of the previous grant.
                        Assert.Null(_holderPerEvents);
                        Assert.True(a.FencingToken > _highestGrantedToken,
                            $"token {a.FencingToken} issued after token {_highestGrantedToken}");
                        _highestGrantedToken = a.FencingToken;
                        _holderPerEvents = new LockHolder(a.Owner, a.Handle, a.FencingToken, a.At, a.Ttl, a.ExpiresAt, a.Data, a.ClientAddress);
                        Count("LockAcquired");
                        break;
                    case LockExtended x:
                        Assert.NotNull(_holderPerEvents);
                        Assert.Equal((_holderPerEvents.Owner, _holderPerEvents.FencingToken), (x.Owner, x.FencingToken));
                        Assert.True(_holderPerEvents.IsLiveAt(_now), "an overdue holder was extended");
                        _holderPerEvents = _holderPerEvents with { Ttl = x.Ttl, ExpiresAt = x.ExpiresAt };
                        Count("LockExtended");
                        break;
                    default:
                        Assert.NotNull(_holderPerEvents);
                        Assert.Equal((_holderPerEvents.Owner, _holderPerEvents.FencingToken), (e.Owner, e.FencingToken));
                        if (e is LockExpired)
                        {
                            Assert.False(_holderPerEvents.IsLiveAt(_now), "a live holder was expired");
                            if (_holderPerEvents.ExpiresAt == _now) Count("lapse at the exact deadline");
                        }
                        else
                        {
                            Assert.True(_holderPerEvents.IsLiveAt(_now), $"{e.GetType().Name} of an overdue holder instead of LockExpired");
                        }
                        _holderPerEvents = null;
                        Count(e is LockForceReleased f ? $"LockForceReleased {f.Reason}" : e.GetType().Name);
                        break;
                }
            }
        }

        private void CheckTokens(LockState before, LockState after)
        {
            Assert.True(after.LastFencingToken >= before.LastFencingToken, "LastFencingToken went down");
            Assert.Equal(_highestGrantedToken, after.LastFencingToken);
            Assert.Equal(_holderPerEvents, after.Holder);
            if (after.Holder is { } holder) Assert.Equal(after.LastFencingToken, holder.FencingToken);
        }

        private void CheckReply(LockState before, LockCommand command, LockDecision decision, LockState after)
        {
            var liveBefore = before.HolderAt(_now);
            if (decision.Reply is not Rejected)
            {
                // Whatever the command, an overdue holder does not survive it.
                Assert.True(after.Holder is null || after.Holder.IsLiveAt(_now), "an overdue holder survived a command");
            }

            switch (decision.Reply)
            {
                case Granted g:
                    var acquire = Assert.IsType<AcquireLock>(command);
                    Assert.Equal(g.Holder, after.Holder);
                    Assert.Equal(acquire.Owner, g.Holder.Owner);
                    Assert.True(g.Holder.IsLiveAt(_now));
                    if (g.AlreadyHeld)
                    {
                        Assert.Empty(decision.Events);
                        Assert.Equal(liveBefore, g.Holder);
                        Count("Granted again");
                    }
                    else
                    {
                        Assert.Equal(acquire.NewHandle, g.Holder.Handle);
                        Assert.Equal(_now + acquire.Ttl, g.Holder.ExpiresAt);
                        Assert.True(g.Holder.FencingToken > before.LastFencingToken);
                        Assert.IsType<LockAcquired>(decision.Events[^1]);
                        Count("Granted");
                    }
                    break;
                case Busy b:
                    var refused = Assert.IsType<AcquireLock>(command);
                    Assert.False(refused.TakeOver);
                    Assert.NotEqual(refused.Owner, b.Holder.Owner);
                    Assert.Equal(liveBefore, b.Holder);
                    Assert.Equal(b.Holder, after.Holder);
                    Assert.Empty(decision.Events);
                    Count("Busy");
                    break;
                case Extended x:
                    var extend = Assert.IsType<ExtendLock>(command);
                    Assert.Equal(x.Holder, after.Holder);
                    Assert.Equal(liveBefore!.Handle, extend.Handle);
                    Assert.Equal(_now + extend.Ttl, x.Holder.ExpiresAt);
                    Assert.Equal(liveBefore.FencingToken, x.Holder.FencingToken);
                    Count("Extended");
                    break;
                case Released r:
                    Assert.Equal(liveBefore, r.FormerHolder);
                    Assert.Null(after.Holder);
                    Count("Released");
                    break;
                case NotHeld n:
                    Assert.Equal(liveBefore, n.CurrentHolder);
                    Assert.Equal(n.CurrentHolder, after.Holder);
                    Assert.All(decision.Events, e => Assert.IsType<LockExpired>(e));
                    Count(n.CurrentHolder is null ? "NotHeld by no one" : "NotHeld by someone");
                    break;
                case LockStatus s:
                    Assert.Equal(new LockStatus(Key, liveBefore, after.LastFencingToken), s);
                    Assert.Equal(s.Holder, after.Holder);
                    Count("LockStatus");
                    break;
                case Rejected:
                    Assert.Empty(decision.Events);
                    Assert.Equal(before, after);
                    Count("Rejected");
                    break;
                default:
                    Assert.Fail($"Unexpected reply {decision.Reply}");
                    break;
            }
        }

        /// <summary>Whenever anyone looks, later or right at the deadline, an overdue holder is not shown as holding.</summary>
        private void CheckInspectNeverShowsAnExpiredHolder(LockState state)
        {
            var probeAt = state.Holder?.ExpiresAt is { } deadline && random.Next(2) == 0
                ? deadline
                : _now.AddMilliseconds(random.Next(0, 20_000));

            var status = Assert.IsType<LockStatus>(LockStateMachine.Decide(state, InspectLock.Instance, probeAt).Reply);

            Assert.True(status.Holder is null || status.Holder.IsLiveAt(probeAt), $"Inspect at {probeAt:O} showed {status.Holder}");
            Assert.Equal(state.LastFencingToken, status.LastFencingToken);
        }
    }
}
