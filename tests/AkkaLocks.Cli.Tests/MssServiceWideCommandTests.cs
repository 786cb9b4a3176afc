using AkkaLocks.Server.Tests;

namespace AkkaLocks.Cli.Tests;

/// <summary>Commands that act on the whole service (reset of all locks, the log level), on a server of their own.</summary>
public sealed class MssServiceWideCommandTests(AkkaLocksKestrelServer server) : IClassFixture<AkkaLocksKestrelServer>
{
    private string Url => server.BaseAddress.ToString();

    [Fact]
    public async Task Reset_without_context_frees_every_lock_then_list_says_no_locks()
    {
        await CliRun.RunAsync("-url", Url, "-lock", "-context", "a", "-target", "T1");
        await CliRun.RunAsync("-url", Url, "-lock", "-context", "b", "-target", "T1");

        var reset = await CliRun.RunAsync("-url", Url, "-reset");
        var list = await CliRun.RunAsync("-url", Url, "-list");

        Assert.Equal(ExitCodes.Ok, reset.ExitCode);
        Assert.Equal("Released 2 locks", reset.Output.Trim());
        Assert.Equal("No locks", list.Output.Trim());
    }

    [Fact]
    public async Task Loglevel_queries_sets_in_both_spellings_and_refuses_unknown_levels()
    {
        var initial = await CliRun.RunAsync("-url", Url, "-loglevel");
        var setWithEquals = await CliRun.RunAsync("-url", Url, "-loglevel=debug");
        var afterEquals = await CliRun.RunAsync("-url", Url, "-loglevel");
        var setWithSpace = await CliRun.RunAsync("-url", Url, "-loglevel", "WARN");
        var afterSpace = await CliRun.RunAsync("-url", Url, "-loglevel", "--json");
        var unknown = await CliRun.RunAsync("-url", Url, "-loglevel", "LOUD");
        await CliRun.RunAsync("-url", Url, "-loglevel", "INFO");

        Assert.Equal("INFO", initial.Output.Trim());
        Assert.Equal(ExitCodes.Ok, setWithEquals.ExitCode);
        Assert.Equal("DEBUG", afterEquals.Output.Trim());
        Assert.Equal(ExitCodes.Ok, setWithSpace.ExitCode);
        Assert.Equal("""{"logLevel":"WARN"}""", afterSpace.Output.Trim());
        Assert.Equal(ExitCodes.Refused, unknown.ExitCode);
        Assert.Contains("400", unknown.Error);
    }
}
