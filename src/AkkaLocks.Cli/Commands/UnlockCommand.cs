namespace AkkaLocks.Cli.Commands;

/// <summary>-unlock -context c -target t: frees the lock whoever holds it (forced, as mss does).</summary>
internal static class UnlockCommand
{
    public static async Task<int> RunAsync(Invocation invocation, CancellationToken ct)
    {
        var (context, target) = invocation.RequireContextAndTarget("-unlock");
        await invocation.Service.UnlockAsync(context, target, ct);
        ResultWriter.Write(invocation, $"Unlocked {context}:{target}", new { unlocked = true, context, target });
        return ExitCodes.Ok;
    }
}
