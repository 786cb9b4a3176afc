using System.Net.Http.Headers;

namespace AkkaLocks.Server.Tests.Esoco;

/// <summary>One answer of the esoco API, read whole, so a test can assert on status, body and headers at once.</summary>
internal sealed record EsocoResponse(int Status, string Body, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders)
{
    /// <summary>The single value of a response header, or null when it is absent.</summary>
    public string? Header(string name) =>
        Headers.TryGetValues(name, out var values) ? values.Single() : null;

    public long FencingToken => long.Parse(Header("X-Fencing-Token") ?? throw new InvalidOperationException("No X-Fencing-Token header."));

    public string? MediaType => ContentHeaders.ContentType?.MediaType;
}
