using System.Net;

namespace AkkaLocks.Client;

/// <summary>The server answered with an error the call does not expect (its problem details' title and detail).</summary>
public sealed class AkkaLocksApiException(HttpStatusCode statusCode, string? title, string? detail)
    : Exception($"AkkaLocks answered {(int)statusCode}: {title} {detail}".TrimEnd())
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public string? Detail { get; } = detail;
}
