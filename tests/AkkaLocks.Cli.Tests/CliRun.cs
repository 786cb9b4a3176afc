namespace AkkaLocks.Cli.Tests;

/// <summary>One run of the tool, in-process: its exit code and what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args) => await RunAsync(_ => null, args);

    public static async Task<CliRun> RunAsync(Func<string, string?> environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await AkkaLocksCli.RunAsync(args, output, error, environment);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
