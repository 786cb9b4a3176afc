using System.Text.Json;
using AkkaLocks.Server.Auth;
using AkkaLocks.Server.Logging;

namespace AkkaLocks.Server.Endpoints.Esoco;

/// <summary>/api/control: stop the service (run = false) and read or set the log level at run time.</summary>
internal static class EsocoControlEndpoints
{
    private static readonly string[] Writes = ["POST", "PUT"];

    public static void MapEsocoControl(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/api/control").WithTags("esoco control").RequireAuthorization(AccessPolicies.EsocoAdmin);
        control.MapGet("/run", () => EsocoResults.Json(true));
        control.MapMethods("/run", Writes, SetRunAsync);
        control.MapGet("/log_level", (RuntimeLogLevel level) => EsocoResults.Json(EsocoLogLevels.NameOf(level.Minimum)));
        control.MapMethods("/log_level", Writes, SetLogLevelAsync);
    }

    /// <summary>false stops the service gracefully once this reply is sent: the host's shutdown runs Akka's coordinated shutdown.</summary>
    private static async Task<IResult> SetRunAsync(HttpContext http, IHostApplicationLifetime lifetime)
    {
        var (body, error) = await EsocoBody.ReadAsync(http.Request, http.RequestAborted);
        if (error is not null) return error;
        if (body.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            return EsocoResults.BadRequest("The body must be the JSON boolean true or false.");
        if (body.ValueKind == JsonValueKind.False) http.Response.OnCompleted(() => { lifetime.StopApplication(); return Task.CompletedTask; });
        return EsocoResults.Empty();
    }

    private static async Task<IResult> SetLogLevelAsync(HttpContext http, RuntimeLogLevel level, ILoggerFactory loggers)
    {
        var (body, error) = await EsocoBody.ReadAsync(http.Request, http.RequestAborted);
        if (error is not null) return error;
        if (body.ValueKind != JsonValueKind.String) return EsocoResults.NotAcceptable("The body must be a JSON string such as \"DEBUG\".");
        var name = body.GetString()!;
        if (EsocoLogLevels.Parse(name) is not { } parsed)
            return EsocoResults.Text(StatusCodes.Status400BadRequest, $"Undefined log level: {name}");
        level.Set(parsed);
        loggers.CreateLogger("AkkaLocks.Control").LogWarning("Log level set to {Level}", EsocoLogLevels.NameOf(parsed));
        return EsocoResults.Empty();
    }
}
