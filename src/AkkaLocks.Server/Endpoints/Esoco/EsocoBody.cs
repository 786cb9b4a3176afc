using System.Text.Json;
using AkkaLocks.Core;

namespace AkkaLocks.Server.Endpoints.Esoco;

/// <summary>
/// Reads an esoco request body as JSON whatever its Content-Type (esoco's Java client sends
/// application/x-www-form-urlencoded), refusing bodies over the limit before buffering them.
/// </summary>
internal static class EsocoBody
{
    /// <summary>Room for the largest lock data plus the identifiers and JSON around it.</summary>
    public const int MaxBytes = LockLimits.MaxDataBytes + 4 * 1024;

    /// <summary>The parsed body, or an error result: 400 when too large, 406 when not JSON.</summary>
    public static async Task<(JsonElement Body, IResult? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Refused before reading: Kestrel throws on the first read of a body declared over its own limit
        // (30 MB), and that exception would answer 500 instead of esoco's 400.
        if (request.ContentLength > MaxBytes) return (default, TooLarge());
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                return (default, TooLarge());
            buffer.Write(chunk, 0, read);
        }
        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException)
        {
            return (default, EsocoResults.NotAcceptable("The body is not valid JSON."));
        }
    }

    private static IResult TooLarge() => EsocoResults.BadRequest($"The request body is larger than {MaxBytes / 1024} KiB.");
}
