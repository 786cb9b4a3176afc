namespace AkkaLocks.Server.Endpoints.Dms;

/// <summary>
/// DMSContainer's JSON-RPC surface (docs: README, "DMSContainer JSON-RPC"): POST /synchutilsrpc (locks) and
/// POST /eventstreamsrpc (the locks' event queues). Tokens travel as a parameter, so the endpoints are
/// anonymous at the HTTP level; each method checks its token and role.
/// </summary>
public static class DmsApi
{
    public static IServiceCollection AddDmsApi(this IServiceCollection services)
    {
        services.AddOptions<DmsOptions>().BindConfiguration(DmsOptions.Section);
        return services;
    }

    public static IEndpointRouteBuilder MapDmsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/synchutilsrpc", (HttpContext http, ILoggerFactory loggers) =>
            JsonRpcEndpoint.HandleAsync(http, SynchUtilsMethods.Table, loggers.CreateLogger("AkkaLocks.Dms.SynchUtils")));
        app.MapPost("/eventstreamsrpc", (HttpContext http, ILoggerFactory loggers) =>
            JsonRpcEndpoint.HandleAsync(http, EventStreamsMethods.Table, loggers.CreateLogger("AkkaLocks.Dms.EventStreams")));
        return app;
    }
}
