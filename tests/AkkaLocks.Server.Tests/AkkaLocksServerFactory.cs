using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AkkaLocks.Server.Tests;

/// <summary>
/// The real server (HTTP pipeline, actor system, SQLite journal) in-process, on a data directory of its own
/// that is deleted afterwards, with a free remoting port, so test classes never share state. Requests arrive
/// from 127.0.0.1, as from a local client of a real server.
/// </summary>
public class AkkaLocksServerFactory : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "akkalocks-tests", Guid.NewGuid().ToString("N"));

    protected sealed override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("AkkaLocks:DataDirectory", DataDirectory);
        builder.UseSetting("AkkaLocks:Cluster:Port", "0");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, LoopbackRemoteAddress>());
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(ConfigureTestServices);
    }

    /// <summary>Configuration a derived factory adds (users, auth modes), applied after the defaults above.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    /// <summary>Services a derived factory replaces (a manual clock).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services) { }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { /* a file still closing: the temp folder is cleaned by the OS */ }
    }
}
