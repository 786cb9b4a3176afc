using AkkaLocks.Engine.Metrics;
using AkkaLocks.Persistence.Sqlite;
using OpenTelemetry.Metrics;

namespace AkkaLocks.Server.Observability;

/// <summary>OpenTelemetry metrics: the engine's lock instruments, HTTP server and runtime, scraped by Prometheus at /metrics.</summary>
internal static class MetricsSetup
{
    public static IServiceCollection AddAkkaLocksMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(LockMetrics.MeterName, JournalMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return services;
    }

    public static IEndpointRouteBuilder MapAkkaLocksMetrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
