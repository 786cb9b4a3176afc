using AkkaLocks.Contracts;

namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>The expiry checker reports an early, a missing and a too-late expiry in a made-up log, and accepts a punctual one.</summary>
public sealed class ExpiryCheckerTests
{
    private static readonly DateTimeOffset Deadline = new(2026, 1, 1, 0, 0, 1, TimeSpan.Zero);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private static ServerEvent Expired(string name, int msAfterDeadline) =>
        new(1, LockEventTypes.Expired, new LockEventData("expiry", name, name, 1, Deadline.AddMilliseconds(msAfterDeadline)), Deadline.AddMilliseconds(msAfterDeadline + 3));

    [Fact]
    public void Expiry_at_or_soon_after_the_deadline_is_no_violation()
    {
        var report = ExpiryChecker.Check([("a", Deadline), ("b", Deadline)], [Expired("a", 0), Expired("b", 40)], Bound);

        Assert.Empty(report.Violations);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromMilliseconds(40)], report.Recorded);
    }

    [Fact]
    public void Checker_reports_an_expiry_before_the_deadline()
    {
        var report = ExpiryChecker.Check([("a", Deadline)], [Expired("a", -1)], Bound);

        Assert.Contains(report.Violations, v => v.Contains("a: expired 1 ms before its deadline"));
    }

    [Fact]
    public void Checker_reports_a_lock_that_never_expired()
    {
        var report = ExpiryChecker.Check([("a", Deadline)], [new ServerEvent(1, LockEventTypes.Released, Expired("a", -5).Data, Deadline)], Bound);

        Assert.Contains(report.Violations, v => v.StartsWith("a: no expiry by the end"));
    }

    [Fact]
    public void Checker_reports_an_expiry_later_than_the_bound()
    {
        var report = ExpiryChecker.Check([("a", Deadline)], [Expired("a", 5000)], Bound);

        Assert.Contains(report.Violations, v => v.Contains("a: expired 5000 ms after its deadline"));
    }
}
