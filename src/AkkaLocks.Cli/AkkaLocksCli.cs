using System.CommandLine;
using AkkaLocks.Cli.Commands;

namespace AkkaLocks.Cli;

/// <summary>
/// The akkalocks command line: esoco mss's options and meaning, with AkkaLocks' credentials, JSON output
/// and exit codes (<see cref="ExitCodes"/>). Failures print one line on standard error.
/// </summary>
public static class AkkaLocksCli
{
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error,
        Func<string, string?>? environment = null, CancellationToken cancellationToken = default)
    {
        var options = new MssOptions();
        var root = new RootCommand("Sends a command to a ModificationSyncService (AkkaLocks or esoco) running at an URL that must be set with -url");
        foreach (var option in options.All) root.Add(option);
        root.SetAction((parse, ct) => ExecuteAsync(parse, options, output, environment ?? Environment.GetEnvironmentVariable, ct));

        // Like mss, no arguments at all shows the usage text (and fails, as nothing was done).
        if (args.Length == 0)
        {
            await root.Parse(["--help"]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
            return ExitCodes.Usage;
        }
        var parseResult = root.Parse(args);
        return await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }

    private static async Task<int> ExecuteAsync(
        ParseResult parse, MssOptions options, TextWriter output, Func<string, string?> environment, CancellationToken ct)
    {
        try
        {
            using var service = ConnectTo(parse, options, environment);
            var invocation = new Invocation(service, parse.GetValue(options.Context), parse.GetValue(options.Target), FormatOf(parse, options), output);
            return await DispatchAsync(parse, options, invocation, ct);
        }
        catch (CliFailure failure)
        {
            parse.InvocationConfiguration.Error.WriteLine($"akkalocks: {failure.Message}");
            return failure.ExitCode;
        }
    }

    private static Task<int> DispatchAsync(ParseResult parse, MssOptions options, Invocation invocation, CancellationToken ct)
    {
        var chosen = new[] { options.List, options.Lock, options.Unlock, options.Reset }.Where(parse.GetValue).ToList();
        var logLevelGiven = parse.GetResult(options.LogLevel) is not null;
        if (chosen.Count + (logLevelGiven ? 1 : 0) != 1)
            throw new CliFailure(ExitCodes.Usage, "Give exactly one command: -list, -lock, -unlock, -reset or -loglevel (see -h).");
        if (logLevelGiven) return LogLevelCommand.RunAsync(invocation, parse.GetValue(options.LogLevel), ct);
        var command = chosen[0];
        if (command == options.List) return ListCommand.RunAsync(invocation, ct);
        if (command == options.Lock) return LockCommand.RunAsync(invocation, ct);
        return command == options.Unlock ? UnlockCommand.RunAsync(invocation, ct) : ResetCommand.RunAsync(invocation, ct);
    }

    private static SyncServiceClient ConnectTo(ParseResult parse, MssOptions options, Func<string, string?> environment)
    {
        var url = parse.GetValue(options.Url);
        if (string.IsNullOrWhiteSpace(url)) throw new CliFailure(ExitCodes.Usage, "-url is mandatory (e.g. -url http://localhost:7962).");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("http" or "https"))
            throw new CliFailure(ExitCodes.Usage, $"'{url}' is not an http(s) URL.");
        var credentials = Credentials.Resolve(parse.GetValue(options.User), parse.GetValue(options.Password), serviceUrl, environment);
        return new SyncServiceClient(serviceUrl, credentials);
    }

    private static OutputFormat FormatOf(ParseResult parse, MssOptions options) =>
        parse.GetValue(options.Json) ? OutputFormat.Json : parse.GetValue(options.Table) ? OutputFormat.Table : OutputFormat.MssText;
}
