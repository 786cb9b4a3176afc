namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>The checker finds each kind of violation in a made-up history, and accepts a correct one.</summary>
public sealed class LockHistoryCheckerTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(2);

    private static Operation Acquire(int client, int from, int to, long token, bool alreadyHeld = false) =>
        new(client, "k", OperationKind.Acquire, Ms(from), Ms(to), Outcome.Ok, token, Ttl, alreadyHeld);

    private static Operation Release(int client, int from, int to, Outcome outcome = Outcome.Ok) =>
        new(client, "k", OperationKind.Release, Ms(from), Ms(to), outcome);

    private static TimeSpan Ms(int ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void Correct_hand_over_after_release_and_after_expiry_has_no_violation()
    {
        var report = LockHistoryChecker.Check(
        [
            Acquire(1, 0, 10, 1), Release(1, 100, 110),
            Acquire(2, 105, 120, 2),                       // may be granted once the release began
            Acquire(3, 130, 140, 3, alreadyHeld: false) with { Invoked = Ms(2200), Completed = Ms(2210) },   // after 2's TTL
        ]);

        Assert.Empty(report.Violations);
        Assert.Equal(3, report.Grants);
    }

    [Fact]
    public void Grant_while_the_previous_holder_certainly_held_the_lock_is_a_violation()
    {
        var report = LockHistoryChecker.Check([Acquire(1, 0, 10, 1), Acquire(2, 20, 30, 2), Release(1, 100, 110)]);

        Assert.Contains(report.Violations, v => v.Contains("token 2 (client 2) acknowledged"));
    }

    [Fact]
    public void Repeated_token_is_a_violation()
    {
        var report = LockHistoryChecker.Check([Acquire(1, 0, 10, 5), Release(1, 20, 30), Acquire(2, 40, 50, 5)]);

        Assert.Contains(report.Violations, v => v.Contains("token 5 granted 2 times"));
    }

    [Fact]
    public void Token_going_backwards_in_real_time_is_a_violation()
    {
        var report = LockHistoryChecker.Check([Acquire(1, 0, 10, 7), Release(1, 20, 30), Acquire(2, 40, 50, 3)]);

        Assert.Contains(report.Violations, v => v.Contains("token 3 (client 2) granted after token 7"));
    }

    [Fact]
    public void Being_told_a_released_grant_is_still_held_is_a_lost_release()
    {
        var report = LockHistoryChecker.Check([Acquire(1, 0, 10, 4), Release(1, 20, 30), Acquire(1, 40, 50, 4, alreadyHeld: true)]);

        Assert.Contains(report.Violations, v => v.Contains("whose release had been acknowledged"));
    }

    [Fact]
    public void Release_after_being_told_the_grant_is_already_held_still_ends_the_grant()
    {
        var report = LockHistoryChecker.Check(
            [Acquire(1, 0, 10, 7), Acquire(1, 20, 30, 7, alreadyHeld: true), Release(1, 40, 50), Acquire(2, 45, 60, 8)]);

        Assert.Empty(report.Violations);
    }

    [Fact]
    public void Release_with_unknown_outcome_excuses_a_later_grant()
    {
        var report = LockHistoryChecker.Check([Acquire(1, 0, 10, 1), Release(1, 20, 2000, Outcome.Unknown), Acquire(2, 30, 40, 2)]);

        Assert.Empty(report.Violations);
    }

    [Fact]
    public void Release_that_certainly_failed_does_not_end_the_grant()
    {
        var report = LockHistoryChecker.Check([Acquire(1, 0, 10, 1), Release(1, 20, 25, Outcome.Failed), Acquire(2, 30, 40, 2)]);

        Assert.NotEmpty(report.Violations);
    }

    [Fact]
    public void Release_after_a_failed_one_ends_the_grant()
    {
        // Found by the cluster kill soak: the client's node was killed just as it released (refused), the client moved
        // to another node, was told it still held token 1, released it there, and the lock passed on at once.
        var report = LockHistoryChecker.Check(
        [
            Acquire(1, 0, 10, 1), Release(1, 20, 25, Outcome.Failed), Acquire(1, 30, 40, 1, alreadyHeld: true),
            Release(1, 50, 60), Acquire(2, 65, 70, 2),
        ]);

        Assert.Empty(report.Violations);
    }

    [Fact]
    public void Grant_before_the_previous_holders_ttl_ran_out_is_an_early_expiry()
    {
        // Client 1 never releases: its lock may only pass on once its 2 s TTL, counted from its request, is over.
        var report = LockHistoryChecker.Check([Acquire(1, 0, 10, 1), Acquire(2, 1500, 1510, 2)]);

        Assert.Contains(report.Violations, v => v.Contains("token 2 (client 2) acknowledged at 1510 ms while token 1 (client 1) was held until at least 2000 ms"));
    }

    [Fact]
    public void Grant_lost_in_a_restart_shows_as_a_second_holder()
    {
        // Client 1's grant was acknowledged, the server forgot it, and handed the lock (token 1 again) to client 2.
        var report = LockHistoryChecker.Check([Acquire(1, 0, 10, 1), Acquire(2, 500, 510, 1), Release(1, 900, 910)]);

        Assert.Contains(report.Violations, v => v.Contains("token 1 granted 2 times"));
        Assert.Contains(report.Violations, v => v.Contains("token 1 (client 2) granted after token 1 (client 1)"));
    }

    [Fact]
    public void Locks_are_checked_apart_so_the_same_token_on_two_locks_is_no_violation()
    {
        var report = LockHistoryChecker.Check([Acquire(1, 0, 10, 1), Acquire(2, 20, 30, 1) with { Key = "other" }]);

        Assert.Empty(report.Violations);
    }
}
