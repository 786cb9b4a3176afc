using System.Net;
using System.Text.Json;
using static AkkaLocks.Server.Tests.NativeV1.V1Http;

namespace AkkaLocks.Server.Tests.NativeV1;

/// <summary>The OpenAPI document and the interactive page are served and describe every v1 operation.</summary>
[Collection(NativeV1Collection.Name)]
public sealed class NativeV1OpenApiTests(AkkaLocksKestrelServer server)
{
    private readonly V1Http _v1 = For(server);

    [Fact]
    public async Task OpenApi_document_lists_every_v1_operation()
    {
        using var document = JsonDocument.Parse(await _v1.Http.GetStringAsync("/openapi/v1.json"));

        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(op => op.Value.ValueKind == JsonValueKind.Object && op.Value.TryGetProperty("operationId", out _))
                .Select(op => $"{op.Name.ToUpperInvariant()} {path.Name} {op.Value.GetProperty("operationId").GetString()}"))
            .Order()
            .ToList();

        Assert.Equal(
        [
            "DELETE /v1/locks/{context}/{name} ReleaseLock",
            "GET /v1/cluster ClusterStatus",
            "GET /v1/events WatchLockEvents",
            "GET /v1/locks ListLocks",
            "GET /v1/locks/{context}/{name} GetLock",
            "GET /v1/locks/{context}/{name}/fence/{token} CheckFencingToken",
            "POST /v1/locks/{context}/{name}/extend ExtendLock",
            "PUT /v1/locks/{context}/{name} AcquireLock",
        ], operations);
    }

    [Fact]
    public async Task Interactive_page_is_served_by_the_app()
    {
        using var response = await _v1.Http.GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"openapi/v1.json\"", page);
        // Its script comes from the app itself, not from a CDN.
        Assert.Contains("<script src=\"scalar.js\">", page);
        using var script = await _v1.Http.GetAsync("/scalar/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}
