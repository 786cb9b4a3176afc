using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Akka.Remote.Hosting;
using AkkaLocks.Engine;
using AkkaLocks.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AkkaLocks.Bench.Engine;

/// <summary>
/// One node with the server's journal wiring (<c>WithAkkaLocksJournal</c>: hocon/, SQLite in WAL mode with synchronous=FULL
/// in a folder of its own, the connection tuning), a cluster of one and the lock engine; no web host.
/// <paramref name="overrides"/> is HOCON laid over all of that, to compare settings in one run.
/// </summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private readonly IHost _host;

    private EngineHost(IHost host) => _host = host;

    public ILockEngine Engine => _host.Services.GetRequiredService<ILockEngine>();

    public IServiceProvider Services => _host.Services;

    public static async Task<EngineHost> StartAsync(string dataDirectory, string overrides)
    {
        var options = new AkkaLocksEngineOptions { AskTimeout = TimeSpan.FromSeconds(60) };
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddAkkaLocksEngine(options);
        builder.Services.AddAkka("akkalocks-bench", akka => akka
            .WithAkkaLocksJournal(new AkkaLocksServerOptions { DataDirectory = dataDirectory })
            .AddHocon("akka.loglevel = WARNING\n" + overrides, HoconAddMode.Prepend)
            .WithRemoting("127.0.0.1", 0)
            .WithClustering(new ClusterOptions())
            .WithAkkaLocks(options)
            .AddStartup((system, _) => Cluster.Get(system).Join(Cluster.Get(system).SelfAddress)));
        var host = builder.Build();
        await host.StartAsync();
        await MemberUpAsync(host.Services.GetRequiredService<Akka.Actor.ActorSystem>());
        return new EngineHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private static Task MemberUpAsync(Akka.Actor.ActorSystem system)
    {
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Cluster.Get(system).RegisterOnMemberUp(() => up.TrySetResult());
        return up.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }
}
