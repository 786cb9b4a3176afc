using System.Text.Json;
using AkkaLocks.Server.Tests;

namespace AkkaLocks.Cli.Tests;

/// <summary>Every mss option against the real server, each test in a context of its own.</summary>
public sealed class MssCommandTests(AkkaLocksKestrelServer server) : IClassFixture<AkkaLocksKestrelServer>
{
    private readonly string _context = "cli-" + Guid.NewGuid().ToString("N")[..8];

    private string Url => server.BaseAddress.ToString();

    [Fact]
    public async Task List_of_a_context_without_locks_says_so()
    {
        var run = await CliRun.RunAsync("-url", Url, "-list", "-context", _context);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal($"No locks in context {_context}", run.Output.Trim());
    }

    [Fact]
    public async Task Lock_takes_the_lock_as_the_tool_and_list_shows_it_grouped_by_context()
    {
        var locked = await CliRun.RunAsync("-url", Url, "-lock", "-context", _context, "-target", "T1");
        var list = await CliRun.RunAsync("-url", Url, "-list", "-context", _context);

        Assert.Equal(ExitCodes.Ok, locked.ExitCode);
        var lines = list.Output.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal($"Locks for context {_context}:", lines[0]);
        Assert.Matches(@"^  T1: ModificationSyncServiceTool[0-9a-f]{8}\[127\.0\.0\.1\] \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\)$", lines[1]);
    }

    [Fact]
    public async Task Lock_takes_over_a_lock_held_by_an_application()
    {
        await HoldAsync("T1", "application");

        var run = await CliRun.RunAsync("-url", Url, "-lock", "-context", _context, "-target", "T1");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("ModificationSyncServiceTool", (await ListJsonAsync()).Single().GetProperty("holder").GetString());
    }

    [Fact]
    public async Task Unlock_frees_a_lock_whoever_holds_it()
    {
        await HoldAsync("T1", "application");

        var run = await CliRun.RunAsync("-url", Url, "-unlock", "-context", _context, "-target", "T1");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Empty(await ListJsonAsync());
    }

    [Fact]
    public async Task Unlock_of_a_free_target_fails_with_one_line_and_exit_code_refused()
    {
        await HoldAsync("other", "application");

        var run = await CliRun.RunAsync("-url", Url, "-unlock", "-context", _context, "-target", "T1");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Contains($"{_context}:T1", run.Error);
    }

    [Fact]
    public async Task Reset_of_a_context_frees_only_its_locks()
    {
        var otherContext = _context + "-other";
        await HoldAsync("T1", "application");
        await HoldAsync("T2", "application");
        await CliRun.RunAsync("-url", Url, "-lock", "-context", otherContext, "-target", "T1");

        var run = await CliRun.RunAsync("-url", Url, "-reset", "-context", _context);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal($"Released 2 locks in context {_context}", run.Output.Trim());
        Assert.Empty(await ListJsonAsync());
        Assert.Contains("Locks for context " + otherContext, (await CliRun.RunAsync("-url", Url, "-list", "-context", otherContext)).Output);
    }

    [Fact]
    public async Task Json_output_lists_context_target_and_holder()
    {
        await HoldAsync("T1", "application");

        var rows = await ListJsonAsync();

        var row = Assert.Single(rows);
        Assert.Equal(_context, row.GetProperty("context").GetString());
        Assert.Equal("T1", row.GetProperty("target").GetString());
        Assert.StartsWith("application[", row.GetProperty("holder").GetString());
    }

    [Fact]
    public async Task Table_output_has_a_row_per_lock_under_headers()
    {
        await HoldAsync("T1", "application");

        var run = await CliRun.RunAsync("-url", Url, "-list", "-context", _context, "--table");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("Context", run.Output);
        Assert.Contains("Holder", run.Output);
        Assert.Contains("application[127.0.0.1]", run.Output);
    }

    [Fact]
    public async Task Lock_without_target_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("-url", Url, "-lock", "-context", _context);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("-context and -target", run.Error);
    }

    private async Task HoldAsync(string target, string client)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var response = await http.PostAsync("/api/sync/request_lock",
            new StringContent($$"""{"client":"{{client}}","context":"{{_context}}","target":"{{target}}"}"""));
        response.EnsureSuccessStatusCode();
    }

    private async Task<JsonElement[]> ListJsonAsync()
    {
        var run = await CliRun.RunAsync("-url", Url, "-list", "-context", _context, "--json");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        return JsonDocument.Parse(run.Output).RootElement.EnumerateArray().ToArray();
    }
}
