using AkkaLocks.Server.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace AkkaLocks.Server.Limits;

/// <summary>
/// One request body size for the whole server (<see cref="LimitSettings.MaxRequestBodyBytes"/>, 1 MiB by default, far
/// above any valid request: lock data is at most 64 KiB). Kestrel enforces it on every read; the v1 API refuses a body
/// declared larger up front with a 413 problem, before its JSON binder would start reading. esoco (68 KiB) and JSON-RPC
/// (128 KiB) check their own smaller limits first and answer in their own protocol's shape.
/// </summary>
internal static class RequestBodyLimit
{
    public static IServiceCollection AddRequestBodyLimit(this IServiceCollection services) =>
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>>(sp => new ConfigureOptions<KestrelServerOptions>(kestrel =>
            kestrel.Limits.MaxRequestBodySize = sp.GetRequiredService<IOptions<AkkaLocksServerOptions>>().Value.Limits.MaxRequestBodyBytes));

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var max = http.RequestServices.GetRequiredService<IOptions<AkkaLocksServerOptions>>().Value.Limits.MaxRequestBodyBytes;
            if (http.Request.ContentLength > max && http.Request.Path.StartsWithSegments("/v1"))
            {
                await TypedResults.Problem($"The request body is larger than {max} bytes (AkkaLocks:Limits:MaxRequestBodyBytes).",
                    statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large.").ExecuteAsync(http);
                return;
            }
            await next(http);
        });
}
