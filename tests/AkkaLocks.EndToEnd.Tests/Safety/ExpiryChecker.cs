using AkkaLocks.Contracts;

namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>
/// Checks TTL locks against the server's transition log: each lock has an <c>expired</c> event, recorded no earlier
/// than the deadline its last grant or extension promised, and not later than a bound. Both times are the server's.
/// </summary>
public static class ExpiryChecker
{
    public static ExpiryReport Check(IReadOnlyList<(string Name, DateTimeOffset Deadline)> deadlines, IReadOnlyList<ServerEvent> log, TimeSpan lateBound)
    {
        var violations = new List<string>();
        var recorded = new List<TimeSpan>();
        var observed = new List<TimeSpan>();
        foreach (var (name, deadline) in deadlines)
        {
            var expired = log.FirstOrDefault(e => e.Key == name && e.Type == LockEventTypes.Expired);
            if (expired is null)
            {
                violations.Add($"{name}: no expiry by the end (deadline {deadline:HH:mm:ss.fff})");
                continue;
            }
            var late = expired.Data.Time - deadline;
            if (late < TimeSpan.Zero) violations.Add($"{name}: expired {-late.TotalMilliseconds:0} ms before its deadline");
            if (late >= lateBound) violations.Add($"{name}: expired {late.TotalMilliseconds:0} ms after its deadline");
            recorded.Add(late);
            observed.Add(expired.ReceivedAt - deadline);
        }
        return new ExpiryReport([.. recorded.Order()], [.. observed.Order()], violations);
    }
}

/// <summary>
/// How late the expiries were, sorted: <paramref name="Recorded"/> by the server's expiry record, <paramref name="Observed"/>
/// when a watcher heard of it; and what broke the rules.
/// </summary>
public sealed record ExpiryReport(IReadOnlyList<TimeSpan> Recorded, IReadOnlyList<TimeSpan> Observed, IReadOnlyList<string> Violations);
