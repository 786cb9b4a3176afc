using System.Diagnostics.Metrics;

namespace AkkaLocks.Persistence.Sqlite;

/// <summary>
/// How well commits are shared, for /metrics: requests per commit and commit time. A static meter, because Akka creates the
/// plugins by reflection, outside the host's dependency injection; the server's OpenTelemetry setup listens to it by name.
/// </summary>
public static class JournalMetrics
{
    public const string MeterName = "AkkaLocks.Journal";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<int> WritesPerCommit = Meter.CreateHistogram<int>(
        "akkalocks.journal.commit.writes", "{write}", "Journal and snapshot requests acknowledged by one durable commit (group commit)");

    private static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>(
        "akkalocks.journal.commit.duration", "s", "Time to write and fsync one batch");

    private static readonly Histogram<int> WritesPerApply = Meter.CreateHistogram<int>(
        "akkalocks.journal.apply.writes", "{write}", "Logged requests carried by one transaction from the write-ahead log into SQLite");

    private static readonly Histogram<double> ApplyDuration = Meter.CreateHistogram<double>(
        "akkalocks.journal.apply.duration", "s", "Time to write one log segment's requests into SQLite and commit them");

    /// <summary>A durable commit that acknowledged its requests: an fsync of the write-ahead log, or a SQLite commit without it.</summary>
    internal static void Committed(int writes, TimeSpan duration)
    {
        WritesPerCommit.Record(writes);
        CommitDuration.Record(duration.TotalSeconds);
    }

    /// <summary>A closed log segment written into SQLite, behind the acknowledgements.</summary>
    internal static void Applied(int writes, TimeSpan duration)
    {
        WritesPerApply.Record(writes);
        ApplyDuration.Record(duration.TotalSeconds);
    }
}
