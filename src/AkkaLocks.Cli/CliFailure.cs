namespace AkkaLocks.Cli;

/// <summary>A failure the tool reports as one line on standard error, with its exit code.</summary>
public sealed class CliFailure(int exitCode, string reason) : Exception(reason)
{
    public int ExitCode { get; } = exitCode;
}
