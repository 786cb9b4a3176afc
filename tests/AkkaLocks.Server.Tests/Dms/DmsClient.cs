using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AkkaLocks.Server.Tests.Dms;

/// <summary>
/// Talks JSON-RPC 2.0 to /synchutilsrpc and /eventstreamsrpc as DMSContainer's Python proxies do (positional
/// params, PascalCase names), and checks on every answer what those proxies rely on: HTTP 200 and JSON.
/// </summary>
internal sealed class DmsClient(HttpClient http)
{
    public const string Locks = "/synchutilsrpc";
    public const string Events = "/eventstreamsrpc";
    private int _nextId;

    public static DmsClient For(AkkaLocksServerFactory server) => new(server.CreateClient());

    /// <summary>A lock identifier no other test uses.</summary>
    public static string NewIdentifier([CallerMemberName] string test = "") => $"{test}-{Guid.NewGuid().ToString("N")[..8]}";

    public async Task<JsonObject> CallAsync(string endpoint, string method, params object?[] parameters)
    {
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["method"] = method,
            ["params"] = JsonSerializer.SerializeToNode(parameters),
            ["id"] = ++_nextId,
        };
        var answer = await PostAsync(endpoint, request.ToJsonString());
        Assert.Equal(_nextId, answer["id"]!.GetValue<int>());
        return answer;
    }

    /// <summary>The result of a call that must succeed.</summary>
    public async Task<JsonNode?> ResultAsync(string endpoint, string method, params object?[] parameters)
    {
        var answer = await CallAsync(endpoint, method, parameters);
        Assert.False(answer.ContainsKey("error"), $"{method} failed: {answer.ToJsonString()}");
        Assert.True(answer.ContainsKey("result"));
        return answer["result"];
    }

    /// <summary>The error code of a call that must fail (and has no result).</summary>
    public async Task<int> ErrorCodeAsync(string endpoint, string method, params object?[] parameters) =>
        ErrorCode(await CallAsync(endpoint, method, parameters));

    public static int ErrorCode(JsonNode answer)
    {
        Assert.False(((JsonObject)answer).ContainsKey("result"), answer.ToJsonString());
        var code = answer["error"]!["code"]!.GetValue<int>();
        Assert.Contains(code.ToString(), answer["error"]!["message"]!.GetValue<string>());
        return code;
    }

    public async Task<JsonObject> PostAsync(string endpoint, string body)
    {
        var (status, text) = await PostRawAsync(endpoint, body);
        Assert.Equal(HttpStatusCode.OK, status);
        return JsonNode.Parse(text)!.AsObject();
    }

    public async Task<(HttpStatusCode Status, string Body)> PostRawAsync(string endpoint, string body)
    {
        using var response = await http.PostAsync(endpoint, new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        if (response.StatusCode == HttpStatusCode.OK)
            Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        return (response.StatusCode, text);
    }

    public async Task<string> LoginAsync(string user, string password)
    {
        var result = await ResultAsync(Locks, "Login", user, password);
        return result!["token"]!.GetValue<string>();
    }

    public async Task<string> TryAcquireAsync(string token, string identifier, int ttlSeconds = 30, object? data = null) =>
        (await ResultAsync(Locks, "TryAcquireLock", token, identifier, ttlSeconds, data ?? new { }))!.GetValue<string>();

    public async Task<bool> ReleaseAsync(string token, string handle) =>
        (await ResultAsync(Locks, "ReleaseLock", token, handle))!.GetValue<bool>();

    public async Task<bool> ExtendAsync(string token, int ttlSeconds, string handle) =>
        (await ResultAsync(Locks, "ExtendLock", token, ttlSeconds, handle))!.GetValue<bool>();

    public async Task<long> ExpirationAsync(string token, string identifier) =>
        (await ResultAsync(Locks, "GetLockExpiration", token, identifier))!.GetValue<long>();
}
