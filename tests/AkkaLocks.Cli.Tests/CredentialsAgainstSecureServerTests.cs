using AkkaLocks.Server.Tests.Auth;
using AkkaLocks.Server.Tests.Dms;

namespace AkkaLocks.Cli.Tests;

/// <summary>Against a secured service the tool acts only with an admin's credentials, from any of its three sources.</summary>
public sealed class CredentialsAgainstSecureServerTests(SecureKestrelServer server) : IClassFixture<SecureKestrelServer>
{
    private string Url => server.BaseAddress.ToString();

    [Fact]
    public async Task Without_credentials_the_tool_is_refused_with_exit_code_refused()
    {
        var run = await CliRun.RunAsync("-url", Url, "-list");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("401", run.Error);
    }

    [Fact]
    public async Task Admin_credentials_from_flags_url_or_environment_are_accepted()
    {
        var withUserInUrl = new UriBuilder(server.BaseAddress) { UserName = "user_admin", Password = DmsUsers.AdminPassword }.Uri.ToString();
        Func<string, string?> environment = name => name switch
        {
            "AKKALOCKS_USER" => "user_admin",
            "AKKALOCKS_PASSWORD" => DmsUsers.AdminPassword,
            _ => null,
        };

        var fromFlags = await CliRun.RunAsync("-url", Url, "-user", "user_admin", "-password", DmsUsers.AdminPassword, "-lock", "-context", "secure", "-target", "T1");
        var fromUrl = await CliRun.RunAsync("-url", withUserInUrl, "-list", "-context", "secure");
        var fromEnvironment = await CliRun.RunAsync(environment, "-url", Url, "-unlock", "-context", "secure", "-target", "T1");

        Assert.Equal(ExitCodes.Ok, fromFlags.ExitCode);
        Assert.Contains("T1: ModificationSyncServiceTool", fromUrl.Output);
        Assert.Equal(ExitCodes.Ok, fromEnvironment.ExitCode);
    }

    [Fact]
    public async Task Wrong_password_is_refused()
    {
        var run = await CliRun.RunAsync("-url", Url, "-user", "user_admin", "-password", "wrong", "-loglevel");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
    }
}
