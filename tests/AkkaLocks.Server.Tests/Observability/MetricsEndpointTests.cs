using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text;
using System.Text.RegularExpressions;

namespace AkkaLocks.Server.Tests.Observability;

/// <summary>/metrics (Prometheus text format) shows the lock instruments moving with lock traffic.</summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsEndpointTests(AkkaLocksServerFactory server) : IClassFixture<AkkaLocksServerFactory>
{
    private const string Context = "metrics";

    [Fact]
    public async Task Lock_traffic_moves_grant_busy_release_and_held_metrics()
    {
        using var client = server.CreateClient();
        var before = await ScrapeAsync(client);

        await PostAsync(client, "request_lock", "A", "T1");
        await PostAsync(client, "request_lock", "A", "T2");
        await PostAsync(client, "request_lock", "B", "T1");   // busy
        await PostAsync(client, "release_lock", "A", "T2");
        var after = await EventuallyAsync(client, m => Value(m, "akkalocks_releases_total") > Value(before, "akkalocks_releases_total"));

        Assert.Equal(2, Value(after, "akkalocks_grants_total") - Value(before, "akkalocks_grants_total"));
        Assert.Equal(1, Value(after, "akkalocks_busy_total") - Value(before, "akkalocks_busy_total"));
        Assert.Equal(1, Value(after, "akkalocks_locks_held") - Value(before, "akkalocks_locks_held"));
        Assert.Equal(1, Value(after, "akkalocks_hold_duration_seconds_count") - Value(before, "akkalocks_hold_duration_seconds_count"));
        Assert.Equal(3, Value(after, "akkalocks_acquire_duration_seconds_count") - Value(before, "akkalocks_acquire_duration_seconds_count"));
    }

    [Fact]
    public async Task A_request_that_waits_in_the_queue_is_counted_and_its_wait_time_recorded()
    {
        using var client = server.CreateClient();
        var before = await ScrapeAsync(client);
        var holder = await client.PutAsJsonAsync($"/v1/locks/{Context}/queued", new { owner = "holder", ttlMs = 60_000 });
        var handle = (await holder.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("handle").GetString();

        var waiter = client.PutAsJsonAsync($"/v1/locks/{Context}/queued", new { owner = "waiter", waitMs = 30_000 });
        await EventuallyAsync(client, m => Value(m, "akkalocks_queue_waits_total") > Value(before, "akkalocks_queue_waits_total"));
        await client.DeleteAsync($"/v1/locks/{Context}/queued?handle={handle}");
        (await waiter).EnsureSuccessStatusCode();
        var after = await EventuallyAsync(client, m => Value(m, "akkalocks_wait_duration_seconds_count") > Value(before, "akkalocks_wait_duration_seconds_count"));

        Assert.Equal(1, Value(after, "akkalocks_queue_waits_total") - Value(before, "akkalocks_queue_waits_total"));
        Assert.Equal(1, Value(after, "akkalocks_wait_duration_seconds_count") - Value(before, "akkalocks_wait_duration_seconds_count"));
    }

    private static async Task PostAsync(HttpClient client, string operation, string owner, string target) =>
        await client.PostAsync($"/api/sync/{operation}",
            new StringContent($$"""{"client":"{{owner}}","context":"{{Context}}","target":"{{target}}"}""", Encoding.UTF8, "application/x-www-form-urlencoded"));

    private static async Task<string> ScrapeAsync(HttpClient client) => await client.GetStringAsync("/metrics");

    /// <summary>Transitions are counted from the event stream, a moment after the reply.</summary>
    private static async Task<string> EventuallyAsync(HttpClient client, Func<string, bool> condition)
    {
        var metrics = await ScrapeAsync(client);
        for (var attempt = 0; attempt < 50 && !condition(metrics); attempt++)
        {
            await Task.Delay(100);
            metrics = await ScrapeAsync(client);
        }
        return metrics;
    }

    /// <summary>Sums a metric's samples of this test's context (all outcomes/buckets aside).</summary>
    private static double Value(string metrics, string name) =>
        Regex.Matches(metrics, $@"^{name}\{{[^}}]*context=""{Context}""[^}}]*\}} (\S+)", RegexOptions.Multiline)
            .Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
}
