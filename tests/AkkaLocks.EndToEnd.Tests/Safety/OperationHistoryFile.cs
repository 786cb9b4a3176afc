using Xunit.Abstractions;

namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>
/// With AKKALOCKS_KEEP_TEST_DATA set, a soak's whole history is written beside the kept server data (one operation per
/// tab-separated line, on the workload's clock), so a reported violation can be read against the nodes' logs.
/// </summary>
public static class OperationHistoryFile
{
    public static void WriteIfKept(IReadOnlyList<Operation> history, LockWorkload workload, ITestOutputHelper output)
    {
        if (!TemporaryDirectory.Keep) return;
        var file = Path.Combine(Path.GetTempPath(), "akkalocks-e2e", $"history-{Guid.NewGuid():N}.tsv");
        File.WriteAllLines(file, ["key\tclient\tkind\tinvoked_ms\tcompleted_ms\toutcome\ttoken\tttl_ms\talready_held",
            .. history.OrderBy(o => o.Invoked).Select(Line)]);
        output.WriteLine($"history: {file}; its clock started at {DateTime.UtcNow - workload.Now:O}");
    }

    private static string Line(Operation o) =>
        $"{o.Key}\t{o.Client}\t{o.Kind}\t{o.Invoked.TotalMilliseconds:0}\t{o.Completed.TotalMilliseconds:0}\t{o.Outcome}\t{o.Token}\t{o.Ttl?.TotalMilliseconds:0}\t{o.AlreadyHeld}";
}
