using System.Net;

namespace AkkaLocks.Client;

/// <summary>
/// Retries only requests that are safe to repeat (the caller says which): after a network error or a gateway-style
/// answer (502, 503, 504), with a short exponential backoff. A non-idempotent request is sent once.
/// </summary>
internal static class IdempotentRetry
{
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient http, Func<HttpRequestMessage> request, bool idempotent, int maxRetries, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var mayRetry = idempotent && attempt < maxRetries;
            try
            {
                var response = await http.SendAsync(request(), HttpCompletionOption.ResponseContentRead, cancellationToken);
                if (!mayRetry || !IsTransient(response.StatusCode)) return response;
                response.Dispose();
            }
            catch (HttpRequestException) when (mayRetry)
            {
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100 * (1 << attempt)), cancellationToken);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
