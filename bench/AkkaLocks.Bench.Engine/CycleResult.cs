namespace AkkaLocks.Bench.Engine;

/// <summary>One measured scenario of one variant.</summary>
internal sealed record CycleResult(string Variant, string Workload, int Workers, long Cycles, double Seconds, double AcquireP50Ms, double AcquireP99Ms, long Errors, CommitFigures Commits)
{
    public double CyclesPerSecond => Cycles / Seconds;
}
