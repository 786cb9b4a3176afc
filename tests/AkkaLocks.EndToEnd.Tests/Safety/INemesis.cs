namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>
/// A fault injected while a workload runs. Each nemesis strikes for a bounded time and says what it did, so every
/// run reports, per nemesis, what was injected beside what the checker found (<see cref="NemesisReport"/>).
/// Cluster nemeses (kill or pause one node of three, partitions) implement the same interface.
/// </summary>
public interface INemesis
{
    /// <summary>Short name for reports, e.g. <c>kill -9</c>.</summary>
    string Name { get; }

    /// <summary>What it has done so far, e.g. <c>4 kills</c>.</summary>
    string Strikes { get; }

    /// <summary>Strikes until at least <paramref name="duration"/> has passed, then leaves the system healthy.</summary>
    Task RunAsync(TimeSpan duration, Random random);
}
