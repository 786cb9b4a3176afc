namespace AkkaLocks.Bench.Engine;

/// <summary>One measured scenario of one variant.</summary>
internal sealed record CycleResult(string Variant, string Workload, int Workers, long Cycles, double Seconds, double AcquireP50Ms, double AcquireP99Ms, long Errors, CommitFigures Commits, GcFigures Gc, TimeSpan Cpu)
{
    public double CyclesPerSecond => Cycles / Seconds;

    /// <summary>Allocated in the measured window per measured cycle (the few cycles straddling its ends make this approximate).</summary>
    /// <summary>Process CPU time in the measured window per measured cycle, in microseconds (see <see cref="CpuProbe"/>).</summary>
    public double CpuMicrosPerCycle => Cycles == 0 ? 0 : Cpu.TotalMicroseconds / Cycles;

    public double KibAllocatedPerCycle => Cycles == 0 ? 0 : Gc.AllocatedBytes / 1024.0 / Cycles;
}
