using AkkaLocks.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AkkaLocks.Client.Tests;

/// <summary>
/// The real server behind Kestrel on a free port, with a data directory of its own (deleted afterwards), shared by
/// the client tests; each test uses a context of its own, so order never matters.
/// </summary>
public class LockServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "akkalocks-client-tests", Guid.NewGuid().ToString("N"));

    public Uri BaseAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("AkkaLocks:DataDirectory", _dataDirectory);
        builder.UseSetting("AkkaLocks:Cluster:Port", "0");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>Configuration a derived server adds (users, auth modes), applied after the defaults above.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    public Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        return Task.CompletedTask;
    }

    /// <summary>A client as an application registers it, with <paramref name="configure"/> applied over short test TTLs.</summary>
    public AkkaLocksClient NewClient(Action<AkkaLocksClientOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddAkkaLocksClient(o =>
        {
            o.BaseAddress = BaseAddress;
            o.Context = "c" + Guid.NewGuid().ToString("N")[..12];
            configure?.Invoke(o);
        });
        return services.BuildServiceProvider().GetRequiredService<AkkaLocksClient>();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { /* a file still closing: the temp folder is cleaned by the OS */ }
    }
}

[CollectionDefinition(Name)]
public sealed class LockServerCollection : ICollectionFixture<LockServer>
{
    public const string Name = "AkkaLocks client against the real server";
}
