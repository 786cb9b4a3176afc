using System.Globalization;

namespace AkkaLocks.LoadGen;

/// <summary>
/// What the HTTP ceiling (<see cref="Targets.HttpCeilingTarget"/>) of a run says about issue 8's uncontended targets: the
/// ceiling as a ratio to each anchor, and AkkaLocks's share of it. When the ceiling itself is below a target's ratio, no
/// work behind the HTTP layer can meet that target on this machine.
/// </summary>
internal static class HttpCeilingNote
{
    private const string Workload = "uncontended";
    private const int Workers = 64;

    public static string? Render(IReadOnlyList<ScenarioResult> results)
    {
        var ceiling = Find(results, "http-ceiling");
        if (ceiling is null || ceiling.CyclesPerSecond <= 0) return null;
        var text = Invariant($"HTTP ceiling, {Workload}, {Workers} workers (two `/ping` round trips per cycle through the same server, no lock work): {ceiling.CyclesPerSecond:0} cycles/s");
        foreach (var anchor in new[] { "etcd", "redis-aof" })
        {
            if (Find(results, anchor) is { CyclesPerSecond: > 0 } found)
                text += Invariant($"; {ceiling.CyclesPerSecond / found.CyclesPerSecond:0.00}x {anchor}");
        }
        if (Find(results, "akkalocks-native") is { } native)
            text += Invariant($". AkkaLocks's native API reaches {native.CyclesPerSecond / ceiling.CyclesPerSecond:0.00} of it.");
        return text;
    }

    private static ScenarioResult? Find(IReadOnlyList<ScenarioResult> results, string target) =>
        results.FirstOrDefault(r => r.Workload == Workload && r.Workers == Workers && r.Target == target);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
