using System.Globalization;
using AkkaLocks.Server.Auth;
using AkkaLocks.Server.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AkkaLocks.Server.Endpoints.Esoco;

/// <summary>/, /info, /ping, /healthcheck and /api/status: read-only; a write to any of them answers 406.</summary>
internal static class EsocoStatusEndpoints
{
    private static readonly string[] Writes = ["POST", "PUT"];

    public static void MapEsocoStatus(this IEndpointRouteBuilder app)
    {
        MapReadOnly(app, "/", (ServiceClock clock) => Results.Text(InfoText(clock), "text/plain; charset=utf-8"));
        MapReadOnly(app, "/info", (ServiceClock clock) => Results.Text(InfoText(clock), "text/plain; charset=utf-8"));
        MapReadOnly(app, "/ping", () => EsocoResults.Json(true));
        MapReadOnly(app, "/healthcheck", HealthAsync);
        // Status and listings need the monitor role when the admin surfaces are secure; the probes above stay open.
        MapReadOnly(app, "/api/status/uptime", (ServiceClock clock) => EsocoResults.Json((long)clock.Uptime.TotalMilliseconds)).RequireAuthorization(AccessPolicies.EsocoMonitor);
        MapReadOnly(app, "/api/status/start_date", (ServiceClock clock) => EsocoResults.Json(StartDate(clock))).RequireAuthorization(AccessPolicies.EsocoMonitor);
        MapReadOnly(app, "/api/status/current_locks", EsocoCurrentLocks.GetAsync).RequireAuthorization(AccessPolicies.EsocoMonitor);
    }

    /// <summary>esoco answers <c>true</c>; AkkaLocks answers <c>false</c> with 500 while a health check fails.</summary>
    private static async Task<IResult> HealthAsync(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        return report.Status == HealthStatus.Unhealthy
            ? Results.Text("false", "application/json; charset=utf-8", statusCode: StatusCodes.Status500InternalServerError)
            : EsocoResults.Json(true);
    }

    public static string InfoText(ServiceClock clock) =>
        string.Create(CultureInfo.InvariantCulture,
            $"ModificationSyncService service, running since {clock.StartedAt.ToLocalTime():yyyy-MM-dd HH:mm:ss} [Uptime: {UptimeText(clock.Uptime)}]");

    public static string StartDate(ServiceClock clock) =>
        clock.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>"4s", "5m 4s", "1h 5m 4s", "2d 1h 5m 4s".</summary>
    public static string UptimeText(TimeSpan uptime)
    {
        var parts = new List<string>();
        if (uptime.Days > 0) parts.Add($"{uptime.Days}d");
        if (uptime.TotalHours >= 1) parts.Add($"{uptime.Hours}h");
        if (uptime.TotalMinutes >= 1) parts.Add($"{uptime.Minutes}m");
        parts.Add($"{uptime.Seconds}s");
        return string.Join(' ', parts);
    }

    private static RouteHandlerBuilder MapReadOnly(IEndpointRouteBuilder app, string pattern, Delegate handler)
    {
        app.MapMethods(pattern, Writes, () => EsocoResults.NotAcceptable());
        return app.MapGet(pattern, handler);
    }
}
