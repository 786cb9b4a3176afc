using System.Globalization;

namespace AkkaLocks.LoadGen;

/// <summary>
/// Issue 8's targets over HTTP, judged from the figures of one run, so the verdict is as reproducible as the figures:
/// each is met or not by its ratio (or latency) in that run, or not measured when the run lacked a scenario it needs.
/// AkkaLocks is its native API (the one with the server-side wait queue); the in-process engine's target is judged in
/// the engine benchmark's section.
/// </summary>
internal static class IssueTargets
{
    private abstract record Target(string Text)
    {
        public abstract Verdict Judge(IReadOnlyList<ScenarioResult> results);
    }

    /// <summary>AkkaLocks's cycles/s at least <paramref name="AtLeast"/> times the anchor's, same workload and workers.</summary>
    private sealed record RatioTarget(string Text, string Workload, int Workers, string Anchor, double AtLeast) : Target(Text)
    {
        public override Verdict Judge(IReadOnlyList<ScenarioResult> results)
        {
            var subject = Find(results, Workload, Workers, Subject);
            var anchor = Find(results, Workload, Workers, Anchor);
            if (subject is null || anchor is null || anchor.CyclesPerSecond <= 0) return Verdict.NotMeasured(Text);
            var ratio = subject.CyclesPerSecond / anchor.CyclesPerSecond;
            return new Verdict(Text, Invariant($"{ratio:0.00}x ({subject.CyclesPerSecond:0} vs {anchor.CyclesPerSecond:0} cycles/s)"), ratio >= AtLeast);
        }
    }

    /// <summary>AkkaLocks's acquire p99 at most <paramref name="AtMostMs"/>.</summary>
    private sealed record P99Target(string Text, string Workload, int Workers, double AtMostMs) : Target(Text)
    {
        public override Verdict Judge(IReadOnlyList<ScenarioResult> results)
        {
            var subject = Find(results, Workload, Workers, Subject);
            if (subject is null || double.IsNaN(subject.Acquire.P99Ms)) return Verdict.NotMeasured(Text);
            return new Verdict(Text, Invariant($"{subject.Acquire.P99Ms:0.00} ms"), subject.Acquire.P99Ms <= AtMostMs);
        }
    }

    /// <summary>One target's outcome: <see cref="Met"/> is null when the run did not measure it.</summary>
    public sealed record Verdict(string Target, string Measured, bool? Met)
    {
        public static Verdict NotMeasured(string target) => new(target, "not measured in this run", null);

        public string MetText => Met switch { true => "met", false => "not met", null => "n/a" };
    }

    private const string Subject = "akkalocks-native";

    private static readonly Target[] All =
    [
        new RatioTarget("uncontended, 64 workers: >= 10x etcd", "uncontended", 64, "etcd", 10),
        new RatioTarget("uncontended, 64 workers: >= 0.5x Redis with AOF everysec", "uncontended", 64, "redis-aof", 0.5),
        new RatioTarget("contended, 64 workers, one key: hand-offs/s >= 5x etcd's lock service", "contended", 64, "etcd", 5),
        new RatioTarget("contended, 64 workers, one key: hand-offs/s >= 2x spinning Redis", "contended", 64, "redis", 2),
        new P99Target("acquire p99 at 16 workers, uncontended: <= 2 ms", "uncontended", 16, 2),
    ];

    public static IReadOnlyList<Verdict> Judge(IReadOnlyList<ScenarioResult> results) => All.Select(t => t.Judge(results)).ToList();

    private static ScenarioResult? Find(IReadOnlyList<ScenarioResult> results, string workload, int workers, string target) =>
        results.FirstOrDefault(r => r.Workload == workload && r.Workers == workers && r.Target == target);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
