using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AkkaLocks.EndToEnd.Tests;

/// <summary>
/// The DMSContainer exclusive-lock sample (examples/dmscontainer, standard-library Python) against a real
/// server process: four writers, two retrying and two waiting on the lock's queue, append to one file under
/// one lock; the file must show that no two writers ever overlapped and that fencing tokens only grew.
/// </summary>
public sealed class DmsPythonSampleTests
{
    private static readonly Regex Line = new(@"^(?<kind>BEGIN|END) (?<name>\S+) (?<token>\d+)");

    [PythonFact]
    public async Task Four_sample_writers_never_overlap_and_fencing_tokens_strictly_increase()
    {
        using var data = new TemporaryDirectory();
        await using var server = await ServerProcess.StartAsync(data.Path, environment: new Dictionary<string, string>
        {
            ["AkkaLocks__Users__user_admin__Password"] = "pwd1",
            ["AkkaLocks__Users__user_admin__Roles__0"] = "admin",
        });
        var file = Path.Combine(data.Path, "file.log");
        string[] writers = ["daniele:retry", "peter:wait", "bruce:retry", "scott:wait"];

        var processes = writers.Select(w => StartWriter(w.Split(':')[0], w.Split(':')[1], server.BaseAddress, file)).ToList();
        var outputs = await Task.WhenAll(processes.Select(p => WaitAsync(p, TimeSpan.FromSeconds(60))));

        Assert.All(processes, p => Assert.True(p.ExitCode == 0, string.Join("\n", outputs)));
        var lines = File.ReadAllLines(file).Select(l => Line.Match(l)).ToList();
        Assert.All(lines, m => Assert.True(m.Success));
        Assert.True(lines.Count >= 8, $"only {lines.Count / 2} writes in the run");
        var previousToken = 0L;
        for (var i = 0; i + 1 < lines.Count; i += 2)
        {
            var (begin, end) = (lines[i], lines[i + 1]);
            Assert.Equal("BEGIN", begin.Groups["kind"].Value);
            Assert.Equal("END", end.Groups["kind"].Value);
            Assert.Equal(begin.Groups["name"].Value, end.Groups["name"].Value);
            Assert.Equal(begin.Groups["token"].Value, end.Groups["token"].Value);
            var token = long.Parse(begin.Groups["token"].Value);
            Assert.True(token > previousToken, $"fencing token {token} after {previousToken}");
            previousToken = token;
        }
        Assert.True(lines.Count % 2 == 0, "a write was left unfinished");
        Assert.True(lines.Select(m => m.Groups["name"].Value).Distinct().Count() >= 2, "only one writer ever got the lock");
    }

    private static Process StartWriter(string name, string variant, Uri server, string file)
    {
        var script = Path.Combine(ServerProcess.RepositoryRoot(), "examples", "dmscontainer", $"synchutils_sample_{variant}.py");
        var start = new ProcessStartInfo("python3", [script, name, "--url", server.ToString(), "--file", file, "--seconds", "6", "--fast"])
        {
            WorkingDirectory = Path.GetDirectoryName(script)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PYTHONUNBUFFERED"] = "1", ["PYTHONDONTWRITEBYTECODE"] = "1" },
        };
        return Process.Start(start)!;
    }

    private static async Task<string> WaitAsync(Process process, TimeSpan timeout)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return await stdout + await stderr;
    }
}
