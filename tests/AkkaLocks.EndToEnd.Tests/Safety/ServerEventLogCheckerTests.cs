using AkkaLocks.Contracts;

namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>
/// The server-log checker finds each kind of violation in a made-up transition log, and accepts a correct one: the
/// mutations a real run cannot be trusted to produce (a second grant while one is open, a token reused or going
/// backwards, a grant left with a caller that hung up).
/// </summary>
public sealed class ServerEventLogCheckerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly HashSet<string> Gone = ["gone"];

    private static ServerEvent Event(long id, string type, string owner, long token, string key = "k") =>
        new(id, type, new LockEventData("c", key, owner, token, Start.AddMilliseconds(id * 10)), Start.AddMilliseconds(id * 10));

    [Fact]
    public void Grants_each_ended_before_the_next_have_no_violation()
    {
        var log = new[]
        {
            Event(1, LockEventTypes.Acquired, "a", 1), Event(2, LockEventTypes.Released, "a", 1),
            Event(3, LockEventTypes.Acquired, "b", 2), Event(4, LockEventTypes.Expired, "b", 2),
            Event(5, LockEventTypes.Acquired, "c", 3), Event(6, LockEventTypes.ForceReleased, "c", 3),
            Event(7, LockEventTypes.Acquired, "d", 4),
        };

        Assert.Empty(ServerEventLogChecker.CheckExclusion(log));
    }

    [Fact]
    public void Checker_reports_a_grant_published_while_another_is_open()
    {
        var violations = ServerEventLogChecker.CheckExclusion([Event(1, LockEventTypes.Acquired, "a", 1), Event(2, LockEventTypes.Acquired, "b", 2)]);

        Assert.Contains(violations, v => v.Contains("granted token 2 to b (event 2) while token 1 of a was open"));
    }

    [Fact]
    public void End_of_another_token_does_not_close_the_open_grant()
    {
        var violations = ServerEventLogChecker.CheckExclusion(
            [Event(1, LockEventTypes.Acquired, "a", 5), Event(2, LockEventTypes.Released, "a", 4), Event(3, LockEventTypes.Acquired, "b", 6)]);

        Assert.Contains(violations, v => v.Contains("while token 5 of a was open"));
    }

    [Fact]
    public void Checker_reports_a_repeated_or_decreasing_token()
    {
        var violations = ServerEventLogChecker.CheckExclusion(
        [
            Event(1, LockEventTypes.Acquired, "a", 3), Event(2, LockEventTypes.Released, "a", 3),
            Event(3, LockEventTypes.Acquired, "b", 3), Event(4, LockEventTypes.Released, "b", 3),
            Event(5, LockEventTypes.Acquired, "c", 2),
        ]);

        Assert.Contains(violations, v => v.Contains("granted token 3 after token 3"));
        Assert.Contains(violations, v => v.Contains("granted token 2 after token 3"));
    }

    [Fact]
    public void Events_are_checked_in_id_order_and_per_lock()
    {
        var violations = ServerEventLogChecker.CheckExclusion(
        [
            Event(3, LockEventTypes.Acquired, "b", 2), Event(2, LockEventTypes.Released, "a", 1), Event(1, LockEventTypes.Acquired, "a", 1),
            Event(4, LockEventTypes.Acquired, "x", 1, key: "other"),   // a token of another lock, open at the same time
        ]);

        Assert.Empty(violations);
    }

    [Fact]
    public void Checker_reports_a_grant_to_a_caller_that_hung_up_still_held_at_the_end()
    {
        var result = ServerEventLogChecker.CheckAbandonedGrants([Event(1, LockEventTypes.Acquired, "gone", 1)], Gone);

        Assert.Contains(result.Violations, v => v.Contains("who had hung up, and was still held at the end"));
    }

    [Fact]
    public void Grant_to_a_caller_that_hung_up_ended_by_the_server_or_its_ttl_is_accounted_for()
    {
        var result = ServerEventLogChecker.CheckAbandonedGrants(
        [
            Event(1, LockEventTypes.Acquired, "gone", 1), Event(5, LockEventTypes.Released, "gone", 1),
            Event(6, LockEventTypes.Acquired, "gone", 2), Event(7, LockEventTypes.Expired, "gone", 2),
            Event(8, LockEventTypes.Acquired, "here", 3),   // a caller still there may hold its lock
        ], Gone);

        Assert.Empty(result.Violations);
        Assert.Equal((2, 1, 1, TimeSpan.FromMilliseconds(40)), (result.Granted, result.ReleasedByServer, result.ExpiredByTtl, result.LongestHeld));
    }

    [Fact]
    public void Release_of_an_earlier_grant_does_not_account_for_a_later_one()
    {
        var result = ServerEventLogChecker.CheckAbandonedGrants(
            [Event(1, LockEventTypes.Released, "gone", 1), Event(2, LockEventTypes.Acquired, "gone", 1)], Gone);

        Assert.Single(result.Violations);
    }
}
