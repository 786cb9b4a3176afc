using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>
/// 10,000 simultaneous waiters through HTTP on a real server process (ten busy locks, each queue full at max-waiters),
/// each an open v1 request on a connection of its own: the server's resident memory is measured before, with them
/// and after they hung up. Too heavy for the test command (20,000 sockets on one machine, starving the tests beside it): only ./safety.sh runs it.
/// </summary>
[Trait("Category", "Resources")]
public sealed class WaitersOverHttpTests(ITestOutputHelper output)
{
    private const string Context = "waiters";
    private const int Locks = 10;
    private const int PerLock = 1000;

    [SoakFact]
    public async Task Ten_thousand_waiting_requests_fit_in_the_server_and_one_more_per_lock_is_refused()
    {
        using var data = new TemporaryDirectory();
        await using var server = await ServerProcess.StartAsync(data.Path);
        var names = Enumerable.Range(0, Locks).Select(i => $"busy-{i}").ToList();
        foreach (var name in names) (await server.Http.PutAsJsonAsync($"/v1/locks/{Context}/{name}", new { owner = "holder" })).EnsureSuccessStatusCode();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var before = server.ResidentBytes();

        using var waiters = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue }) { BaseAddress = server.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        using var hangUp = new CancellationTokenSource();
        var waiting = names.SelectMany(name => Enumerable.Range(0, PerLock).Select(i =>
            waiters.PutAsJsonAsync($"/v1/locks/{Context}/{name}", new { owner = $"w{i}", waitMs = 600_000 }, hangUp.Token))).ToList();
        foreach (var name in names) await UntilAsync(async () => await WaitersAsync(server.Http, name) == PerLock);
        var queued = server.ResidentBytes();

        foreach (var name in names)
        {
            using var refused = await server.Http.PutAsJsonAsync($"/v1/locks/{Context}/{name}", new { owner = "one-more", waitMs = 60_000 });
            Assert.Equal((HttpStatusCode)423, refused.StatusCode);
            Assert.True(JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("queueFull").GetBoolean());
        }

        await hangUp.CancelAsync();
        foreach (var request in waiting) await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        foreach (var name in names) await UntilAsync(async () => await WaitersAsync(server.Http, name) == 0);
        var after = server.ResidentBytes();

        output.WriteLine($"waiters over HTTP: {Locks * PerLock} waiting requests on {Locks} locks; server resident memory " +
            $"{Mib(before)} before, {Mib(queued)} with them ({(queued - before) / (Locks * PerLock)} bytes per waiter, connection included), {Mib(after)} after they hung up");
    }

    private static async Task<int> WaitersAsync(HttpClient http, string name) =>
        JsonDocument.Parse(await http.GetStringAsync($"/v1/locks/{Context}/{name}")).RootElement.GetProperty("waiters").GetArrayLength();

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the waiters did not reach the expected count within 2 minutes");
            await Task.Delay(250);
        }
    }

    private static string Mib(long bytes) => $"{bytes / 1024.0 / 1024.0:0} MiB";
}
