using System.Diagnostics;

namespace AkkaLocks.Bench.Engine;

/// <summary>
/// The process's CPU time (all threads, user and kernel) while a scenario was measured. On this shared machine throughput
/// swings ±25 % between runs with other people's load, while the CPU spent per cycle moves much less: it is the figure to
/// compare when a change claims to remove work. It includes the benchmark's own callers, the same in both variants.
/// </summary>
internal sealed class CpuProbe
{
    private TimeSpan _atStart;

    public void Start() => _atStart = Process.GetCurrentProcess().TotalProcessorTime;

    public TimeSpan Stop() => Process.GetCurrentProcess().TotalProcessorTime - _atStart;
}
