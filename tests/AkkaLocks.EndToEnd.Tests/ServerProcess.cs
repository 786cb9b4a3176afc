using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;

namespace AkkaLocks.EndToEnd.Tests;

/// <summary>
/// An AkkaLocks server as its users run it: <c>dotnet AkkaLocks.Server.dll</c> from the server's build output,
/// on a loopback port of its own and a given data directory. Output goes to a log file kept for failures.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri baseAddress, string logFile)
    {
        _process = process;
        BaseAddress = baseAddress;
        LogFile = logFile;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public string LogFile { get; }

    public HttpClient Http { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The server's log so far (it is still being written).</summary>
    public string ReadLog()
    {
        using var reader = new StreamReader(new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd();
    }

    /// <summary>The server's resident memory now (VmRSS), for resource measurements.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    /// <summary>SIGSTOP: the process freezes with its sockets open; connections are accepted by the kernel and never answered.</summary>
    public void Pause() => PosixSignals.Stop(_process.Id);

    /// <summary>SIGCONT: the frozen process runs on, finding its timers overdue.</summary>
    public void Resume() => PosixSignals.Continue(_process.Id);

    /// <param name="port">The HTTP port; a free one when null (a restart passes the previous one).</param>
    /// <param name="environment">Further environment variables, e.g. users (<c>AkkaLocks__Users__name__Password</c>).</param>
    /// <param name="startTimeout">How long to wait until it serves; a minute when null (cluster nodes joining on a busy machine need more).</param>
    public static async Task<ServerProcess> StartAsync(
        string dataDirectory, int? port = null, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? startTimeout = null)
    {
        port ??= TestPorts.Reserve();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var logFile = Path.Combine(dataDirectory, $"server-{port}.log");
        Directory.CreateDirectory(dataDirectory);
        var start = new ProcessStartInfo("dotnet", [ServerDll(), "--urls", baseAddress.ToString()])
        {
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["AkkaLocks__DataDirectory"] = dataDirectory, ["DOTNET_ENVIRONMENT"] = "Production" },
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = Process.Start(start)!;
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, baseAddress, logFile);
        try
        {
            await server.WaitUntilServingAsync(startTimeout ?? TimeSpan.FromMinutes(1));
            return server;
        }
        catch
        {
            await server.DisposeAsync();   // a server that never served would otherwise outlive the test run
            throw;
        }
    }

    /// <summary>SIGKILL: no shutdown hook runs, nothing is flushed that was not already durable.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>
    /// SIGTERM, as an orchestrator stops a container: the server's coordinated shutdown leaves the cluster (handing
    /// its shards off) and exits. Returns the exit code; throws <see cref="OperationCanceledException"/> after the timeout.
    /// </summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString()]))!)
            await kill.WaitForExitAsync();
        return await WaitForExitAsync(timeout);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/x-www-form-urlencoded"));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
        Http.Dispose();
    }

    private async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The server exited early; see {LogFile}:\n{File.ReadAllText(LogFile)}");
            try
            {
                // /api/status/current_locks answers only once the lock index (and so the actor system) is up.
                var response = await Http.GetAsync("/api/status/current_locks");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The server did not start within {timeout.TotalSeconds:0} s; see {LogFile}.");
    }

    /// <summary>The server's entry assembly, for commands that do not start the server (hash-password).</summary>
    public static string ServerDll()
    {
        var configuration = typeof(ServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ServerBuildConfiguration").Value!;
        var dll = Path.Combine(RepositoryRoot(), "src", "AkkaLocks.Server", "bin", configuration, "net10.0", "AkkaLocks.Server.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the server first.", dll);
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AkkaLocks.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new DirectoryNotFoundException("AkkaLocks.sln not found above the test folder.");
    }
}
