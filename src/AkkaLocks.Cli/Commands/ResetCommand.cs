namespace AkkaLocks.Cli.Commands;

/// <summary>-reset [-context c]: frees every lock (of one context), one forced release each, as mss does.</summary>
internal static class ResetCommand
{
    public static async Task<int> RunAsync(Invocation invocation, CancellationToken ct)
    {
        var rows = await invocation.Service.ListAsync(invocation.Context, ct);
        foreach (var row in rows) await invocation.Service.UnlockAsync(row.Context, row.Target, ct);
        var scope = invocation.Context is null ? "" : $" in context {invocation.Context}";
        ResultWriter.Write(invocation, $"Released {rows.Count} locks{scope}", new { released = rows.Count, context = invocation.Context });
        return ExitCodes.Ok;
    }
}
