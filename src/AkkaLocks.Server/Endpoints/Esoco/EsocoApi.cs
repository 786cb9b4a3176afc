namespace AkkaLocks.Server.Endpoints.Esoco;

/// <summary>
/// The esoco ModificationSyncService API (docs/protocols/esoco.md): /info, /ping, /healthcheck,
/// /api/status, /api/control, /api/sync and the read-only /webapi mirror. Only translation lives here:
/// the lock semantics are the engine's.
/// </summary>
internal static class EsocoApi
{
    public static IEndpointRouteBuilder MapEsocoApi(this IEndpointRouteBuilder app)
    {
        app.MapEsocoStatus();
        app.MapEsocoControl();
        app.MapEsocoSync();
        app.MapEsocoWebView();
        // Not MapFallback(handler): its {*path:nonfile} pattern skips paths with a dot, which then got
        // a bare 404 (and 404 instead of 406 on a write). esoco serves no files, so every unknown path is alike.
        app.MapFallback("{**path}", NoDataAt);
        return app;
    }

    /// <summary>esoco accepts <c>start-date</c> for <c>start_date</c>: its paths are rewritten before routing.</summary>
    public static IApplicationBuilder UseEsocoPathNormalization(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var path = context.Request.Path.Value ?? "";
            if (path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/webapi", StringComparison.OrdinalIgnoreCase))
                context.Request.Path = path.Replace('-', '_');
            return next(context);
        });

    /// <summary>Unknown URLs: 404 for reads, 406 for writes, as the original answers.</summary>
    private static IResult NoDataAt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)
            ? EsocoResults.NotAcceptable()
            : EsocoResults.Text(StatusCodes.Status404NotFound, $"No data at {request.Path}");
}
