namespace AkkaLocks.Bench.Engine;

/// <summary>
/// What the garbage collector saw while a scenario was measured: bytes allocated (process-wide, so the benchmark's own
/// callers are in it too) and time paused. On a 2-core box allocation is CPU twice over, once to allocate and once for the
/// collections it causes, so these are the figures to watch when a change claims to save per-request work.
/// </summary>
internal sealed class GcProbe
{
    private long _allocatedAtStart;
    private TimeSpan _pausedAtStart;

    public void Start()
    {
        _allocatedAtStart = GC.GetTotalAllocatedBytes(precise: false);
        _pausedAtStart = GC.GetTotalPauseDuration();
    }

    public GcFigures Stop(double seconds) => new(
        GC.GetTotalAllocatedBytes(precise: false) - _allocatedAtStart,
        (GC.GetTotalPauseDuration() - _pausedAtStart).TotalSeconds / seconds);
}

/// <summary>GC figures of one measured scenario: bytes allocated and the share of wall time paused.</summary>
internal sealed record GcFigures(long AllocatedBytes, double PausedShare);
