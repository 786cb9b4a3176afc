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
        "akkalocks.journal.commit.writes", "{write}", "Journal and snapshot requests carried by one SQLite commit (group commit)");

    private static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>(
        "akkalocks.journal.commit.duration", "s", "Time to write and commit (fsync) one batch");

    internal static void Committed(int writes, TimeSpan duration)
    {
        WritesPerCommit.Record(writes);
        CommitDuration.Record(duration.TotalSeconds);
    }
}
