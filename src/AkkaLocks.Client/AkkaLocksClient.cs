using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AkkaLocks.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AkkaLocks.Client;

/// <summary>
/// The native v1 API as .NET calls (a typed <see cref="HttpClient"/>), and the factory of <see cref="AkkaLock"/>s.
/// Expected outcomes are return values (null, false); anything else throws <see cref="AkkaLocksApiException"/>.
/// </summary>
public sealed class AkkaLocksClient
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;

    [ActivatorUtilitiesConstructor]   // the typed-client factory must not hesitate between the two
    public AkkaLocksClient(HttpClient http, IOptions<AkkaLocksClientOptions> options)
    {
        _http = http;
        Options = options.Value;
        if (_http.BaseAddress is null && Options.BaseAddress is { } address) _http.BaseAddress = address;
        // Set on the client rather than per request: every call (and every retry) then carries it.
        _http.DefaultRequestHeaders.Authorization ??= ClientCredentials.HeaderOf(Options);
        // Waiting for a lock may take long: each call sets its own timeout instead.
        _http.Timeout = Timeout.InfiniteTimeSpan;
    }

    public AkkaLocksClient(HttpClient http, AkkaLocksClientOptions options) : this(http, Microsoft.Extensions.Options.Options.Create(options))
    {
    }

    public AkkaLocksClientOptions Options { get; }

    /// <summary>A lock named <paramref name="name"/> in <paramref name="context"/> (default: the options' context). Nothing is sent yet.</summary>
    public AkkaLock CreateLock(string name, string? context = null) => new(this, context ?? Options.Context, name);

    /// <summary>PUT /v1/locks/{context}/{name}: the grant, or null when the lock stays busy (423). Retried only when it carries a request id.</summary>
    public async Task<LockGrant?> TryAcquireAsync(string context, string name, AcquireLockRequest request, CancellationToken cancellationToken = default)
    {
        var wait = TimeSpan.FromMilliseconds(request.WaitMs ?? 0);
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Put, LockPath(context, name)) { Content = JsonContent.Create(request, options: Json) },
            idempotent: request.RequestId is not null, wait, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Locked) return null;
        return await ReadAsync<LockGrant>(response, cancellationToken);
    }

    /// <summary>POST .../extend: the renewed grant, or null when that handle no longer holds the lock (409).</summary>
    public async Task<LockGrant?> ExtendAsync(string context, string name, string handle, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        var body = new ExtendLockRequest(handle, (long)ttl.TotalMilliseconds);
        // Repeating an extension only restarts the TTL again, so it is safe to retry.
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, LockPath(context, name) + "/extend") { Content = JsonContent.Create(body, options: Json) },
            idempotent: true, TimeSpan.Zero, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict) return null;
        return await ReadAsync<LockGrant>(response, cancellationToken);
    }

    /// <summary>DELETE ...?handle=: true when released, false when that handle no longer held it (409).</summary>
    public async Task<bool> ReleaseAsync(string context, string name, string handle, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, $"{LockPath(context, name)}?handle={Uri.EscapeDataString(handle)}"),
            idempotent: true, TimeSpan.Zero, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict) return false;
        await EnsureSuccessAsync(response, cancellationToken);
        return true;
    }

    /// <summary>DELETE ...?force=true (admin): true when it was held and is now free, false when it was free (404).</summary>
    public async Task<bool> ForceReleaseAsync(string context, string name, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, $"{LockPath(context, name)}?force=true"),
            idempotent: true, TimeSpan.Zero, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        await EnsureSuccessAsync(response, cancellationToken);
        return true;
    }

    /// <summary>GET /v1/locks/{context}/{name}: the holder, or null when the lock is free (404).</summary>
    public async Task<LockInfo?> GetAsync(string context, string name, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, LockPath(context, name)), idempotent: true, TimeSpan.Zero, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        return await ReadAsync<LockInfo>(response, cancellationToken);
    }

    /// <summary>GET /v1/locks: one page of held locks; pass the page's <see cref="LockPage.NextCursor"/> for the next.</summary>
    public async Task<LockPage> ListAsync(string? context = null, string? prefix = null, int? limit = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var query = string.Join("&", new[] { ("context", context), ("prefix", prefix), ("limit", limit?.ToString(CultureInfo.InvariantCulture)), ("cursor", cursor) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "v1/locks?" + query), idempotent: true, TimeSpan.Zero, cancellationToken);
        return await ReadAsync<LockPage>(response, cancellationToken);
    }

    /// <summary>GET .../fence/{token}: whether <paramref name="fencingToken"/> is still the current holder's.</summary>
    public async Task<FenceCheck> CheckFenceAsync(string context, string name, long fencingToken, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"{LockPath(context, name)}/fence/{fencingToken}"),
            idempotent: true, TimeSpan.Zero, cancellationToken);
        return await ReadAsync<FenceCheck>(response, cancellationToken);
    }

    /// <summary>GET /v1/events: lock transitions as they happen (heartbeats skipped), resuming after <paramref name="lastEventId"/> if given.</summary>
    public async IAsyncEnumerable<SseItem<LockEventData>> WatchAsync(
        string? context = null, string? prefix = null, string? lastEventId = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = string.Join("&", new[] { ("context", context), ("prefix", prefix) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/events?" + query);
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var parser = SseParser.Create(body, (type, data) => JsonSerializer.Deserialize<LockEventData>(data, Json)!);
        await foreach (var item in parser.EnumerateAsync(cancellationToken))
        {
            if (item.EventType != LockEventTypes.Heartbeat) yield return item;
        }
    }

    private static string LockPath(string context, string name) => $"v1/locks/{Uri.EscapeDataString(context)}/{Uri.EscapeDataString(name)}";

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, bool idempotent, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.RequestTimeout + wait);
        try
        {
            return await IdempotentRetry.SendAsync(_http, request, idempotent, Options.MaxRetries, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"AkkaLocks did not answer within {Options.RequestTimeout + wait}.");
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken))!;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        string? title = null, detail = null;
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            title = problem.TryGetProperty("title", out var t) ? t.GetString() : null;
            detail = problem.TryGetProperty("detail", out var d) ? d.GetString() : null;
        }
        catch (JsonException)
        {
        }
        throw new AkkaLocksApiException(response.StatusCode, title, detail);
    }
}
