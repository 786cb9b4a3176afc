using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AkkaLocks.Contracts;
using AkkaLocks.Server.Tests.Esoco;

namespace AkkaLocks.Server.Tests.NativeV1;

/// <summary>Plain HTTP calls of the v1 API, as any client would make them, over real Kestrel.</summary>
internal sealed class V1Http(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpClient Http => http;

    public static V1Http For(AkkaLocksKestrelServer server) =>
        new(new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(2) });

    /// <summary>A context no other test uses, so tests never see each other's locks.</summary>
    public static string NewContext() => "t" + Guid.NewGuid().ToString("N")[..12];

    public Task<HttpResponseMessage> AcquireAsync(string context, string name, object body, CancellationToken ct = default) =>
        http.PutAsJsonAsync($"/v1/locks/{context}/{name}", body, Json, ct);

    public async Task<LockGrant> GrantAsync(string context, string name, object body)
    {
        using var response = await AcquireAsync(context, name, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<LockGrant>(Json))!;
    }

    public Task<HttpResponseMessage> ReleaseAsync(string context, string name, string handle) =>
        http.DeleteAsync($"/v1/locks/{context}/{name}?handle={Uri.EscapeDataString(handle)}");

    public Task<HttpResponseMessage> GetAsync(string context, string name) => http.GetAsync($"/v1/locks/{context}/{name}");

    public async Task<LockInfo?> ReadAsync(string context, string name)
    {
        using var response = await GetAsync(context, name);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<LockInfo>(Json);
    }

    /// <summary>Waits (bounded) until the lock has <paramref name="count"/> waiters.</summary>
    public async Task WaitersAsync(string context, string name, int count) =>
        Assert.True(await Eventually.TrueAsync(async () => (await ReadAsync(context, name))?.Waiters?.Count == count, TimeSpan.FromSeconds(10)),
            $"the lock never had {count} waiters");

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
