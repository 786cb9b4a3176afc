using AkkaLocks.LoadGen;

namespace AkkaLocks.Bench.Tests;

public class IssueTargetsTests
{
    private const string UncontendedVsEtcd = "uncontended, 64 workers: >= 10x etcd";
    private const string P99At16 = "acquire p99 at 16 workers, uncontended: <= 2 ms";

    [Fact]
    public void Ratio_target_is_met_at_its_ratio_and_not_below()
    {
        var met = Verdict(UncontendedVsEtcd, Run("uncontended", 64, native: 10_000, etcd: 1_000));
        var missed = Verdict(UncontendedVsEtcd, Run("uncontended", 64, native: 9_990, etcd: 1_000));

        Assert.True(met.Met);
        Assert.Equal("10.00x (10000 vs 1000 cycles/s)", met.Measured);
        Assert.False(missed.Met);
    }

    [Fact]
    public void Ratio_target_compares_the_native_api_with_the_anchor_of_the_same_workload_and_workers()
    {
        var results = Run("uncontended", 64, native: 2_000, etcd: 1_000)
            .Append(Result("akkalocks-esoco", "uncontended", 64, cyclesPerSecond: 50_000))
            .Append(Result("etcd", "uncontended", 16, cyclesPerSecond: 100))
            .ToList();

        Assert.Equal("2.00x (2000 vs 1000 cycles/s)", Verdict(UncontendedVsEtcd, results).Measured);
    }

    [Fact]
    public void Target_whose_scenario_the_run_lacks_is_not_measured()
    {
        var verdict = Verdict(UncontendedVsEtcd, [Result("akkalocks-native", "uncontended", 64, cyclesPerSecond: 5_000)]);

        Assert.Null(verdict.Met);
        Assert.Equal("n/a", verdict.MetText);
    }

    [Fact]
    public void Latency_target_is_judged_on_the_acquire_p99_of_16_uncontended_native_workers()
    {
        Assert.True(Verdict(P99At16, [Result("akkalocks-native", "uncontended", 16, 1_000, acquireP99Ms: 2.0)]).Met);
        Assert.False(Verdict(P99At16, [Result("akkalocks-native", "uncontended", 16, 1_000, acquireP99Ms: 2.01)]).Met);
        Assert.Null(Verdict(P99At16, [Result("akkalocks-native", "uncontended", 64, 1_000, acquireP99Ms: 1.0)]).Met);
    }

    private static IssueTargets.Verdict Verdict(string target, IReadOnlyList<ScenarioResult> results) =>
        IssueTargets.Judge(results).Single(v => v.Target == target);

    private static List<ScenarioResult> Run(string workload, int workers, double native, double etcd) =>
        [Result("akkalocks-native", workload, workers, native), Result("etcd", workload, workers, etcd)];

    private static ScenarioResult Result(string target, string workload, int workers, double cyclesPerSecond, double acquireP99Ms = 1) =>
        new(target, IsSubject: target.StartsWith("akkalocks", StringComparison.Ordinal), workload, workers, Seconds: 5, Cycles: (long)(cyclesPerSecond * 5),
            cyclesPerSecond, BusyPerSecond: 0, new LatencySummary(100, 0.5, acquireP99Ms, acquireP99Ms), new LatencySummary(100, 0.5, 1, 1),
            Errors: 0, MaxHolders: 1, FirstError: null);
}
