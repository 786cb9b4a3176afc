using System.Net;
using System.Net.Sockets;

namespace AkkaLocks.Cli.Tests;

/// <summary>What the tool does before and without a service: usage, help, unreachable URLs, credentials.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task No_arguments_shows_the_usage_and_fails()
    {
        var run = await CliRun.RunAsync();

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("-url", run.Output);
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("--help")]
    public async Task Help_lists_every_mss_option(string help)
    {
        var run = await CliRun.RunAsync(help);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var option in new[] { "-url", "-context", "-target", "-list", "-lock", "-unlock", "-reset", "-loglevel" })
            Assert.Contains(option, run.Output);
    }

    [Fact]
    public async Task Missing_url_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("-list");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("-url is mandatory", run.Error);
    }

    [Fact]
    public async Task Two_commands_at_once_are_a_usage_error()
    {
        var run = await CliRun.RunAsync("-url", "http://127.0.0.1:7962", "-list", "-reset");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }

    [Fact]
    public async Task Unreachable_service_fails_with_exit_code_unreachable()
    {
        var run = await CliRun.RunAsync("-url", $"http://127.0.0.1:{ClosedPort()}", "-list");

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.StartsWith("akkalocks: Cannot reach", run.Error);
    }

    [Fact]
    public void Credentials_come_from_flags_then_the_url_then_the_environment()
    {
        var url = new Uri("http://ops:s%40cret@localhost:7962");
        Func<string, string?> environment = name => name == "AKKALOCKS_USER" ? "env-user" : name == "AKKALOCKS_PASSWORD" ? "env-pw" : null;

        var fromFlags = Credentials.Resolve("flag-user", "flag-pw", url, environment)!;
        var fromUrl = Credentials.Resolve(null, null, url, environment)!;
        var fromEnvironment = Credentials.Resolve(null, null, new Uri("http://localhost:7962"), environment)!;

        Assert.Equal(("flag-user", "flag-pw"), (fromFlags.UserName, fromFlags.Password));
        Assert.Equal(("ops", "s@cret"), (fromUrl.UserName, fromUrl.Password));
        Assert.Equal(("env-user", "env-pw"), (fromEnvironment.UserName, fromEnvironment.Password));
        Assert.Null(Credentials.Resolve(null, null, new Uri("http://localhost:7962"), _ => null));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
