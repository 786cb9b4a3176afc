using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace AkkaLocks.Server.Tests.Esoco;

/// <summary>
/// Talks to the esoco API as esoco's Java client does (JSON sent as application/x-www-form-urlencoded), and
/// checks on every answer that its status code is one that client can handle.
/// </summary>
internal sealed class EsocoClient(HttpClient http)
{
    public static EsocoClient For(AkkaLocksServerFactory server) => new(server.CreateClient());

    /// <summary>A lock context no other test uses: the test's name plus a random suffix, so test order never matters.</summary>
    public static string NewContext([CallerMemberName] string test = "") => $"{test}-{Guid.NewGuid().ToString("N")[..8]}";

    public Task<EsocoResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<EsocoResponse> PostAsync(string path, string body) => SendAsync(HttpMethod.Post, path, body);

    public async Task<EsocoResponse> SendAsync(HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = AsJavaClientSendsIt(body);
        using var response = await http.SendAsync(request);
        var answer = new EsocoResponse(
            (int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers, response.Content.Headers);
        EsocoStatusCodes.AssertUnderstood(answer.Status, method.Method, path);
        return answer;
    }

    public Task<EsocoResponse> RequestLockAsync(string client, string context, string target, bool force = false, params string[] extraFields) =>
        PostAsync("/api/sync/request_lock", EsocoJson.Lock(client, context, target, force, extraFields));

    public Task<EsocoResponse> ReleaseLockAsync(string client, string context, string target, bool force = false) =>
        PostAsync("/api/sync/release_lock", EsocoJson.Lock(client, context, target, force));

    public async Task<bool> IsLockedAsync(string context, string target)
    {
        var answer = await PostAsync("/api/sync/check_lock", EsocoJson.Lock("checker", context, target));
        Assert.Equal(200, answer.Status);
        return JsonSerializer.Deserialize<bool>(answer.Body);
    }

    /// <summary>current_locks parsed: context -> target -> holder text.</summary>
    public async Task<Dictionary<string, Dictionary<string, string>>> CurrentLocksAsync(string path = "/api/sync/current_locks")
    {
        var answer = await GetAsync(path);
        Assert.Equal(200, answer.Status);
        return JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(answer.Body)!;
    }

    /// <summary>The holder text of one lock, or null when current_locks does not list it.</summary>
    public async Task<string?> HolderAsync(string context, string target) =>
        (await CurrentLocksAsync()).GetValueOrDefault(context)?.GetValueOrDefault(target);

    /// <summary>Java's HttpURLConnection sends this Content-Type, with no charset, whatever the body is.</summary>
    private static ByteArrayContent AsJavaClientSendsIt(string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }
}
