namespace AkkaLocks.Cli.Commands;

/// <summary>-lock -context c -target t: takes the lock for the tool (forced, as mss does).</summary>
internal static class LockCommand
{
    public static async Task<int> RunAsync(Invocation invocation, CancellationToken ct)
    {
        var (context, target) = invocation.RequireContextAndTarget("-lock");
        await invocation.Service.LockAsync(context, target, ct);
        ResultWriter.Write(invocation, $"Locked {context}:{target} as {invocation.Service.ClientId}",
            new { locked = true, context, target, client = invocation.Service.ClientId });
        return ExitCodes.Ok;
    }
}
