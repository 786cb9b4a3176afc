using System.Diagnostics;

namespace AkkaLocks.LoadGen;

/// <summary>
/// Every latency of one worker, in Stopwatch ticks. Runs are seconds long, so keeping all samples and sorting them
/// once is exact and cheap; an HDR histogram would only matter for the long runs this pass does not do.
/// </summary>
internal sealed class LatencyRecorder
{
    private readonly List<long> samples = new(capacity: 16 * 1024);

    public void Record(long ticks) => samples.Add(ticks);

    /// <summary>Merges the workers' samples into percentiles in milliseconds.</summary>
    public static LatencySummary Summarize(IEnumerable<LatencyRecorder> recorders)
    {
        var all = recorders.SelectMany(r => r.samples).ToArray();
        if (all.Length == 0) return LatencySummary.Empty;
        Array.Sort(all);
        return new LatencySummary(all.Length, Millis(Percentile(all, 0.50)), Millis(Percentile(all, 0.99)), Millis(Percentile(all, 0.999)));
    }

    private static long Percentile(long[] sorted, double quantile) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];

    private static double Millis(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

internal sealed record LatencySummary(long Count, double P50Ms, double P99Ms, double P999Ms)
{
    public static readonly LatencySummary Empty = new(0, double.NaN, double.NaN, double.NaN);
}
