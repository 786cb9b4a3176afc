using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AkkaLocks.Cli;

/// <summary>
/// The esoco sync API as the mss tool uses it: list locks, forced request and release as the tool's own
/// client id, and the log level. Works against AkkaLocks and the original service alike.
/// </summary>
public sealed class SyncServiceClient : IDisposable
{
    private readonly HttpClient _http;

    public SyncServiceClient(Uri serviceUrl, NetworkCredential? credentials, HttpMessageHandler? handler = null)
    {
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = new Uri(serviceUrl.GetLeftPart(UriPartial.Authority));
        _http.Timeout = TimeSpan.FromSeconds(30);
        if (credentials is not null)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.UserName}:{credentials.Password}"));
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        }
    }

    /// <summary>mss acts as "ModificationSyncServiceTool" plus 8 hex digits.</summary>
    public string ClientId { get; } = "ModificationSyncServiceTool" + Random.Shared.Next().ToString("x8");

    public async Task<IReadOnlyList<HeldLockRow>> ListAsync(string? context, CancellationToken ct)
    {
        var json = await SendAsync(HttpMethod.Get, "/api/status/current_locks", null, ct);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject()
            .Where(c => context is null || c.Name == context)
            .SelectMany(c => c.Value.EnumerateObject().Select(t => new HeldLockRow(c.Name, t.Name, t.Value.GetString() ?? "")))
            .ToList();
    }

    public Task LockAsync(string context, string target, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "/api/sync/request_lock", LockRequest(context, target), ct);

    public Task UnlockAsync(string context, string target, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "/api/sync/release_lock", LockRequest(context, target), ct);

    public async Task<string> GetLogLevelAsync(CancellationToken ct) =>
        JsonSerializer.Deserialize<string>(await SendAsync(HttpMethod.Get, "/api/control/log_level", null, ct)) ?? "";

    public Task SetLogLevelAsync(string level, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "/api/control/log_level", JsonSerializer.Serialize(level.ToUpperInvariant()), ct);

    public void Dispose() => _http.Dispose();

    /// <summary>mss always forces: it is the operator's tool for stale locks.</summary>
    private string LockRequest(string context, string target) =>
        JsonSerializer.Serialize(new { client = ClientId, context, target, force = true });

    private async Task<string> SendAsync(HttpMethod method, string path, string? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new CliFailure(ExitCodes.Unreachable, $"Cannot reach {_http.BaseAddress}: {e.Message}");
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode || (int)response.StatusCode == 208) return text;
            throw Failure(response.StatusCode, path, text);
        }
    }

    private static CliFailure Failure(HttpStatusCode status, string path, string body)
    {
        var code = (int)status;
        var reason = $"{code} {status} from {path}" + (body.Length is > 0 and < 200 && !body.TrimStart().StartsWith('{') ? $": {body.Trim()}" : "");
        return code switch
        {
            423 or 409 => new CliFailure(ExitCodes.Locked, reason),
            >= 500 => new CliFailure(ExitCodes.ServiceError, reason),
            _ => new CliFailure(ExitCodes.Refused, reason),
        };
    }
}
