namespace AkkaLocks.Core.Tests;

/// <summary>Builders shared by the tests: a fixed clock origin, a fixed key, and command/state factories.</summary>
internal static class Locks
{
    /// <summary>The time every scenario starts at; tests move forward from here explicitly.</summary>
    public static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly LockKey Key = new("tenant-1", "orders:export");

    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    public static LockState Free(long lastFencingToken = 0) => LockState.Free(Key) with { LastFencingToken = lastFencingToken };

    /// <summary>The handle a test mints for <paramref name="owner"/> unless it passes its own.</summary>
    public static string HandleOf(string owner) => "handle-of-" + owner;

    public static AcquireLock Acquire(
        string owner,
        TimeSpan? ttl,
        string? handle = null,
        bool takeOver = false,
        string? data = null,
        string? clientAddress = null) =>
        new(owner, handle ?? HandleOf(owner), ttl, data, clientAddress, takeOver);

    /// <summary>A lock that <paramref name="owner"/> was granted at <paramref name="at"/> (default <see cref="T0"/>).</summary>
    public static LockState HeldBy(string owner, TimeSpan? ttl, DateTimeOffset? at = null, long lastFencingToken = 0)
    {
        var (state, decision) = Run(Free(lastFencingToken), Acquire(owner, ttl), at ?? T0);
        Assert.IsType<Granted>(decision.Reply);
        return state;
    }

    /// <summary>Decides <paramref name="command"/> and applies its events, as the lock's actor does.</summary>
    public static (LockState State, LockDecision Decision) Run(LockState state, LockCommand command, DateTimeOffset now)
    {
        var decision = LockStateMachine.Decide(state, command, now);
        return (ApplyAll(state, decision.Events), decision);
    }

    public static LockState ApplyAll(LockState state, IEnumerable<LockEvent> events) =>
        events.Aggregate(state, LockStateMachine.Apply);

    public static T ReplyOf<T>(LockDecision decision) where T : LockReply => Assert.IsType<T>(decision.Reply);
}
