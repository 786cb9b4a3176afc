using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Akka.Persistence.Sql;
using Akka.Remote.Hosting;
using AkkaLocks.Engine;
using AkkaLocks.Engine.Sharding;
using AkkaLocks.Server.Logging;
using Microsoft.Extensions.Options;

namespace AkkaLocks.Server.Hosting;

/// <summary>
/// Builds this server's actor system: the HOCON files of hocon/, remoting and clustering from
/// <see cref="AkkaLocksServerOptions"/>, the journal, logging through .NET, and the lock engine.
/// </summary>
internal static class AkkaServerSetup
{
    /// <summary>Options are read from the container when the actor system starts, so tests can override configuration.</summary>
    public static IServiceCollection AddAkkaLocksServer(this IServiceCollection services, string actorSystemName)
    {
        services.AddAkkaLocksEngine(sp => EngineOptions(sp.GetRequiredService<IOptions<AkkaLocksServerOptions>>().Value));
        services.AddAkka(actorSystemName, (akka, sp) =>
            ConfigureActorSystem(akka, sp.GetRequiredService<IOptions<AkkaLocksServerOptions>>().Value, sp.GetRequiredService<RuntimeLogLevel>()));
        services.AddHostedService<HeldLocksRecoveryGate>();   // after Akka's own hosted service, before Kestrel
        services.AddHostedService<FreezeWatchdog>();
        return services.AddHostedService<ActorSystemExitCode>();
    }

    private static AkkaLocksEngineOptions EngineOptions(AkkaLocksServerOptions options) =>
        new()
        {
            AskTimeout = options.Engine.AskTimeout,
            MaxShards = options.Engine.MaxShards,
            MaxLocksPerOwner = options.Limits.MaxLocksPerOwner,
            EventLog = new() { EventsPerLock = options.Engine.EventsPerLock, Retention = options.Engine.EventRetention, MaxLocks = options.Engine.EventLogMaxLocks },
        };

    private static void ConfigureActorSystem(AkkaConfigurationBuilder akka, AkkaLocksServerOptions options, RuntimeLogLevel logLevel)
    {
        RemotingPortGuard.EnsureFree(options.Cluster.Hostname, options.Cluster.Port);
        akka
            .WithAkkaLocksJournal(options)
            .AddHocon(SplitBrainResolverHocon(options.Cluster), HoconAddMode.Prepend)
            .ConfigureLoggers(loggers =>
            {
                loggers.LogLevel = RuntimeLogLevel.ToAkka(logLevel.Minimum);
                loggers.ClearLoggers();
                loggers.AddLogger<FilteringLoggerFactoryLogger>();
                loggers.WithLogFilter(filter => filter.ExcludeMessageContaining(WakeShard.DroppedLogText));
            })
            .WithRemoting(options.Cluster.Hostname, options.Cluster.Port, options.Cluster.PublicHostname, options.Cluster.PublicPort)
            .WithClustering(new ClusterOptions { Roles = [.. options.Cluster.Roles], SeedNodes = [.. options.Cluster.SeedNodes] })
            .WithAkkaLocks(EngineOptions(options))
            .AddStartup((system, _) =>
            {
                logLevel.Changed += level => system.EventStream.SetLogLevel(RuntimeLogLevel.ToAkka(level));
                if (options.Cluster.SeedNodes.Count == 0) JoinSelf(system);
            });
    }

    /// <summary>AkkaLocks:Cluster:StableAfter, when set, wins over hocon/akkalocks.conf (prepended after it).</summary>
    private static string SplitBrainResolverHocon(ClusterSettings cluster) =>
        cluster.StableAfter is { } stableAfter
            ? $"akka.cluster.split-brain-resolver.stable-after = {(long)stableAfter.TotalMilliseconds}ms"
            : "";

    /// <summary>The HOCON files of hocon/ and the journal and snapshot store of <see cref="AkkaLocksServerOptions.Persistence"/>.</summary>
    internal static AkkaConfigurationBuilder WithAkkaLocksJournal(this AkkaConfigurationBuilder akka, AkkaLocksServerOptions options)
    {
        var persistenceHocon = PersistenceSetup.HoconFileName(options.Persistence);   // first: it names an unsupported provider
        var connectionString = PersistenceSetup.ConnectionString(options);
        akka
            .AddHoconFile(HoconPath("akkalocks.conf"), HoconAddMode.Prepend)
            .AddHoconFile(HoconPath(persistenceHocon), HoconAddMode.Prepend)
            .AddHocon(PersistenceSetup.ConnectionHocon(options.Persistence, connectionString), HoconAddMode.Prepend)
            .AddHocon(SqlPersistence.DefaultConfiguration, HoconAddMode.Append);
        return akka;
    }

    /// <summary>With no seed nodes this node is the cluster: it joins itself, which needs no fixed port.</summary>
    private static void JoinSelf(ActorSystem system)
    {
        var cluster = Cluster.Get(system);
        cluster.Join(cluster.SelfAddress);
    }

    private static string HoconPath(string fileName) => Path.Combine(AppContext.BaseDirectory, "hocon", fileName);
}
