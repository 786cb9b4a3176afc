using System.Globalization;
using System.Threading.RateLimiting;
using AkkaLocks.Server.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AkkaLocks.Server.Limits;

/// <summary>
/// Requests per second per client (<see cref="LimitSettings.RequestsPerSecond"/>; off by default): a token bucket per
/// authenticated user, or per remote address for anonymous callers. A refused request gets 429 with Retry-After and a
/// problem body, and changes nothing. Probes and the metrics scrape are never limited, so monitoring still sees an
/// overloaded server.
/// </summary>
internal static class ClientRateLimiting
{
    private static readonly string[] Exempt = ["/ping", "/healthcheck", "/metrics"];

    public static IServiceCollection AddClientRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AkkaLocksServerOptions>>((options, server) =>
        {
            var limits = server.Value.Limits;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => PartitionOf(http, limits));
            options.OnRejected = (rejected, cancellationToken) => RefuseAsync(rejected.HttpContext, rejected.Lease, cancellationToken);
        });
        return services;
    }

    private static RateLimitPartition<string> PartitionOf(HttpContext http, LimitSettings limits)
    {
        if (limits.RequestsPerSecond <= 0 || Exempt.Any(p => http.Request.Path.StartsWithSegments(p)))
            return RateLimitPartition.GetNoLimiter("unlimited");
        var client = http.User.Identity is { IsAuthenticated: true, Name: { } user }
            ? "user:" + user
            : "address:" + http.Connection.RemoteIpAddress;
        return RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.RequestBurst > 0 ? limits.RequestBurst : limits.RequestsPerSecond,
            TokensPerPeriod = limits.RequestsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,   // refuse at once: a queued request would only hold a connection longer
            AutoReplenishment = true,
        });
    }

    private static async ValueTask RefuseAsync(HttpContext http, RateLimitLease lease, CancellationToken cancellationToken)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
            $"This client sent more than its {RateOf(http)} requests per second (AkkaLocks:Limits:RequestsPerSecond); retry after {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests.").ExecuteAsync(http);
    }

    private static int RateOf(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<AkkaLocksServerOptions>>().Value.Limits.RequestsPerSecond;
}
