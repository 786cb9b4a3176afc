using Akka.Actor;
using Microsoft.AspNetCore.Diagnostics;

namespace AkkaLocks.Server.Endpoints;

/// <summary>
/// A lock that did not answer in time is not a server bug but a retryable moment: its shard is moving to another
/// node (a node left or failed) or the journal is slow. Whether the request took effect is unknown, as with any
/// timeout; a retry with the same request id (v1) or owner (esoco) is safe. The native API answers 503 with
/// Retry-After; esoco's clients know no 503, so its paths answer 500 with a text body, as its protocol does.
/// </summary>
internal sealed class EngineUnavailableHandler(IProblemDetailsService problems) : IExceptionHandler
{
    private const int RetryAfterSeconds = 1;
    private const string Detail = "The lock did not answer in time; a node may be failing over. The outcome is unknown: retry.";

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not AskTimeoutException) return false;
        if (IsEsocoPath(http.Request.Path))
        {
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await http.Response.WriteAsync(Detail, cancellationToken);
            return true;
        }
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "Lock unavailable", Detail = Detail },
        });
    }

    private static bool IsEsocoPath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/webapi");
}
