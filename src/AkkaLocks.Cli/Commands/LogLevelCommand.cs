namespace AkkaLocks.Cli.Commands;

/// <summary>-loglevel: prints the service's log level; -loglevel LEVEL (or -loglevel=LEVEL) sets it.</summary>
internal static class LogLevelCommand
{
    public static async Task<int> RunAsync(Invocation invocation, string? level, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(level))
        {
            var current = await invocation.Service.GetLogLevelAsync(ct);
            ResultWriter.Write(invocation, current, new { logLevel = current });
            return ExitCodes.Ok;
        }
        await invocation.Service.SetLogLevelAsync(level, ct);
        ResultWriter.Write(invocation, $"Log level set to {level.ToUpperInvariant()}", new { logLevel = level.ToUpperInvariant() });
        return ExitCodes.Ok;
    }
}
