using Akka.Configuration;

namespace AkkaLocks.Engine.Entities;

/// <summary>How a lock entity manages its own memory and journal (HOCON section <c>akkalocks.entity</c>).</summary>
/// <param name="PassivateFreeAfter">A free lock's actor stops after this long without commands.</param>
/// <param name="SnapshotEvery">A lock, held or free, compacts its journal once this many events accumulated since its last snapshot.</param>
/// <param name="MaxWaiters">At most this many requests queue for one lock; one more is answered Busy (queue full) at once.</param>
public sealed record LockEntitySettings(TimeSpan PassivateFreeAfter, int SnapshotEvery, int MaxWaiters = LockEntitySettings.DefaultMaxWaiters)
{
    public const int DefaultMaxWaiters = 1000;

    public static readonly LockEntitySettings Default = new(TimeSpan.FromSeconds(30), 10);

    public static LockEntitySettings From(Config config)
    {
        var section = config.GetConfig("akkalocks.entity");
        if (section is null || section.IsEmpty) return Default;
        return new LockEntitySettings(
            section.GetTimeSpan("passivate-free-after", Default.PassivateFreeAfter),
            section.GetInt("snapshot-every", Default.SnapshotEvery),
            section.GetInt("max-waiters", Default.MaxWaiters));
    }
}
