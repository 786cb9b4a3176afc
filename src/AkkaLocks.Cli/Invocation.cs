namespace AkkaLocks.Cli;

/// <summary>What a command needs: the service, the parsed scope, and where and how to write.</summary>
internal sealed record Invocation(
    SyncServiceClient Service,
    string? Context,
    string? Target,
    OutputFormat Format,
    TextWriter Output)
{
    public (string Context, string Target) RequireContextAndTarget(string command) =>
        Context is { Length: > 0 } c && Target is { Length: > 0 } t
            ? (c, t)
            : throw new CliFailure(ExitCodes.Usage, $"{command} needs -context and -target.");
}
