using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using AkkaLocks.Core;
using AkkaLocks.Engine.Events;
using AkkaLocks.Engine.Entities;
using AkkaLocks.Engine.Index;
using AkkaLocks.Engine.Metrics;
using AkkaLocks.Engine.Serialization;
using AkkaLocks.Engine.Sharding;
using Microsoft.Extensions.DependencyInjection;

namespace AkkaLocks.Engine;

/// <summary>
/// Adds the lock engine to any Akka.Hosting actor system. The engine never picks the journal, the
/// remoting address or the seed nodes: the host does (see AkkaLocks.Server), so an Akka.NET user can
/// embed the engine in a cluster of their own.
/// </summary>
public static class AkkaLocksHostingExtensions
{
    public static AkkaConfigurationBuilder WithAkkaLocks(this AkkaConfigurationBuilder builder) =>
        builder.WithAkkaLocks(new AkkaLocksEngineOptions());

    public static AkkaConfigurationBuilder WithAkkaLocks(this AkkaConfigurationBuilder builder, AkkaLocksEngineOptions options) =>
        builder
            .WithAkkaLocksSerialization()
            .WithShardRegion<LockRegion>(
                options.TypeName,
                (system, _, _) =>
                {
                    var settings = LockEntitySettings.From(system.Settings.Config);   // read once, not per lock started
                    return entityId => LockEntityActor.PropsFor(entityId, settings);
                },
                new LockMessageExtractor(options.MaxShards),
                new ShardOptions
                {
                    Role = options.Role,
                    RememberEntities = true,   // held locks are restarted (and their expiry re-armed) after a restart or handoff
                    RememberEntitiesStore = RememberEntitiesStore.Eventsourced,
                    StateStoreMode = StateStoreMode.DData,
                    HandOffStopMessage = StopForHandOff.Instance,
                })
            .WithDistributedPubSub("")   // every node, proxies included, hears every transition
            .WithActors((system, registry) =>
            {
                system.ActorOf(Props.Create<LockTransitionPublisher>(), LockTransitionTopic.PublisherName);
                registry.Register<LockEventLog>(system.ActorOf(LockEventLogActor.PropsFor(options.EventLog), "akkalocks-event-log"));
            })
            .WithActors((system, registry, resolver) =>
            {
                var heldByOwner = resolver.GetService<OwnerHoldCounts>() ?? new OwnerHoldCounts();   // the host's, read by its engine
                registry.Register<HeldLocksIndex>(system.ActorOf(Props.Create(() => new HeldLocksIndexActor(heldByOwner)), "akkalocks-held-locks"));
                system.ActorOf(Props.Create(() => new LockMetricsActor(resolver.GetService<LockMetrics>())), "akkalocks-metrics");
                // The feed is the host's singleton (AddAkkaLocksEngine); an embedding without it has no watchers.
                if (resolver.GetService<LockEventFeed>() is { } feed)
                    system.ActorOf(Props.Create(() => new LockEventFeedActor(feed)), "akkalocks-event-feed");
            });

    /// <summary>Binds the engine's persisted and remote messages to <see cref="AkkaLocksSerializer"/>.</summary>
    public static AkkaConfigurationBuilder WithAkkaLocksSerialization(this AkkaConfigurationBuilder builder) =>
        builder.WithCustomSerializer(
            "akkalocks",
            [typeof(IAkkaLocksMessage), typeof(LockEvent), typeof(LockState), typeof(LockReply), typeof(WaiterNotice)],
            system => new AkkaLocksSerializer(system));

    /// <summary>Registers <see cref="ILockEngine"/> for the web host and any other in-process caller.</summary>
    public static IServiceCollection AddAkkaLocksEngine(this IServiceCollection services, AkkaLocksEngineOptions options) =>
        services.AddAkkaLocksEngine(_ => options);

    /// <summary>As above, with options resolved from the container (e.g. bound configuration).</summary>
    public static IServiceCollection AddAkkaLocksEngine(this IServiceCollection services, Func<IServiceProvider, AkkaLocksEngineOptions> options)
    {
        services.AddSingleton(options);
        services.AddMetrics();
        services.AddSingleton<LockMetrics>();
        services.AddSingleton<OwnerHoldCounts>();
        services.AddSingleton<ILockEngine, ActorLockEngine>();
        services.AddSingleton<ILockEventLog, ActorLockEventLog>();
        services.AddSingleton(new LockEventFeed());
        return services;
    }
}
