using Scalar.AspNetCore;

namespace AkkaLocks.Server.Endpoints.NativeV1;

/// <summary>
/// The native v1 API (docs in the OpenAPI document at /openapi/v1.json, interactive at /scalar/v1): locks as
/// resources under /v1/locks, a Server-Sent Events watch at /v1/events, errors as RFC 9457 problem details.
/// Only wire translation lives here; the semantics (waiting, idempotency, fencing) are the engine's.
/// Every operation carries a v1 policy (<see cref="Auth.AccessPolicies"/>): refusals answer 401 or 403 as problem details.
/// </summary>
internal static class NativeV1Api
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddNativeV1Api(this IServiceCollection services) =>
        services
            // A body that is not the JSON a handler expects answers 400 (a problem, via status code pages) in every
            // environment; Development would otherwise throw it, and the exception handler would answer 500.
            .Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false)
            .AddOpenApi(DocumentName, options =>
        {
            // Only the native API: the compatibility surfaces have their own protocols and documents.
            options.ShouldInclude = description => description.GroupName is null && description.RelativePath?.StartsWith("v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "AkkaLocks native API";
                document.Info.Description = "Distributed locks with fencing tokens, fair FIFO waiting, idempotent retries and a watch stream.";
                return Task.CompletedTask;
            });
        });

    public static IEndpointRouteBuilder MapNativeV1Api(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").WithTags("Native v1")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        v1.MapLockEndpoints();
        v1.MapLockListEndpoint();
        v1.MapLockEventsEndpoint();
        v1.MapClusterEndpoint();
        // Unknown /v1 paths answer in this API's error format, not with the esoco fallback's text.
        v1.MapFallback("{**path}", (HttpRequest request) => NativeV1Problems.NotFound($"There is no v1 resource at {request.Path}."))
            .ExcludeFromDescription();

        app.MapOpenApi();   // /openapi/v1.json
        // The interactive page; Scalar.AspNetCore serves its script from the package itself, not from a CDN.
        app.MapScalarApiReference(options => options.WithTitle("AkkaLocks native API"));
        return app;
    }
}
