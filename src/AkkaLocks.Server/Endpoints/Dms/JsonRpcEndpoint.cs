using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using Akka.Actor;

namespace AkkaLocks.Server.Endpoints.Dms;

/// <summary>
/// JSON-RPC 2.0 over HTTP POST: reads the envelope (or a batch of them), dispatches each call through a method
/// table, and writes <c>result</c> or <c>error</c>. Every failure is a JSON-RPC error with HTTP 200 (DMSContainer's
/// client ignores the status and reads the error), never a 500; a notification (no id) gets 204.
/// </summary>
public static class JsonRpcEndpoint
{
    /// <summary>Room for the largest lock data plus the envelope.</summary>
    private const int MaxBodyBytes = 128 * 1024;

    public static async Task HandleAsync(HttpContext http, FrozenDictionary<string, RpcMethod> methods, ILogger logger)
    {
        JsonNode? response;
        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        if (body is null)
        {
            response = Error(null, JsonRpcErrorCodes.InvalidRequest, $"The request is larger than {MaxBodyBytes / 1024} KiB.");
        }
        else
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                response = await AnswerAsync(document.RootElement, http, methods, logger);
            }
            catch (JsonException)
            {
                response = Error(null, JsonRpcErrorCodes.ParseError, "Parse error: the body is not valid JSON.");
            }
        }
        if (response is null)
        {
            http.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(response.ToJsonString(), http.RequestAborted);
    }

    private static async Task<JsonNode?> AnswerAsync(JsonElement root, HttpContext http, FrozenDictionary<string, RpcMethod> methods, ILogger logger)
    {
        if (root.ValueKind != JsonValueKind.Array) return await AnswerOneAsync(root, http, methods, logger);
        if (root.GetArrayLength() == 0) return Error(null, JsonRpcErrorCodes.InvalidRequest, "Invalid request: an empty batch.");
        var answers = new JsonArray();
        foreach (var call in root.EnumerateArray())
        {
            if (await AnswerOneAsync(call, http, methods, logger) is { } answer) answers.Add(answer);
        }
        return answers.Count > 0 ? answers : null;
    }

    private static async Task<JsonNode?> AnswerOneAsync(JsonElement call, HttpContext http, FrozenDictionary<string, RpcMethod> methods, ILogger logger)
    {
        if (call.ValueKind != JsonValueKind.Object) return Error(null, JsonRpcErrorCodes.InvalidRequest, "Invalid request: not a JSON object.");
        var hasId = call.TryGetProperty("id", out var id);
        if (hasId && id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null))
            return Error(null, JsonRpcErrorCodes.InvalidRequest, "Invalid request: id must be a string, a number or null.");
        var idNode = hasId ? JsonNode.Parse(id.GetRawText()) : null;
        if (!call.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0")
            return Error(idNode, JsonRpcErrorCodes.InvalidRequest, "Invalid request: jsonrpc must be \"2.0\".");
        if (!call.TryGetProperty("method", out var methodName) || methodName.ValueKind != JsonValueKind.String)
            return Error(idNode, JsonRpcErrorCodes.InvalidRequest, "Invalid request: method must be a string.");
        JsonElement? rawParams = call.TryGetProperty("params", out var p) ? p : null;
        if (rawParams is { ValueKind: not (JsonValueKind.Array or JsonValueKind.Object) })
            return Error(idNode, JsonRpcErrorCodes.InvalidRequest, "Invalid request: params must be an array or an object.");

        JsonNode? answer;
        if (!methods.TryGetValue(methodName.GetString()!, out var method))
        {
            answer = Error(idNode, JsonRpcErrorCodes.MethodNotFound, $"Method not found: {methodName.GetString()}.");
        }
        else
        {
            answer = await InvokeAsync(method, rawParams, http, idNode, logger);
        }
        return hasId ? answer : null;
    }

    private static async Task<JsonNode> InvokeAsync(RpcMethod method, JsonElement? rawParams, HttpContext http, JsonNode? id, ILogger logger)
    {
        try
        {
            var parameters = JsonRpcParams.Bind(rawParams, method.Parameters, method.Required);
            var result = await method.Handle(new RpcCall(parameters, http));
            return new JsonObject { ["jsonrpc"] = "2.0", ["result"] = result, ["id"] = id };
        }
        catch (JsonRpcException e)
        {
            return Error(id, e.Code, e.Message);
        }
        catch (AskTimeoutException)
        {
            return Error(id, JsonRpcErrorCodes.Unavailable, "The lock service did not answer in time; try again.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(e, "JSON-RPC method {Method} failed", method.Name);
            return Error(id, JsonRpcErrorCodes.InternalError, "Internal error.");
        }
    }

    private static JsonObject Error(JsonNode? id, int code, string message) => new()
    {
        ["jsonrpc"] = "2.0",
        ["error"] = new JsonObject { ["code"] = code, ["message"] = $"{message} ({code})" },
        ["id"] = id,
    };

    /// <summary>The body, or null when it is over the limit (refused before buffering it all).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
