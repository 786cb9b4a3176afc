using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>
/// Clients that compete for a few locks through the esoco API, each doing one operation at a time with a
/// TTL on every grant (so a lock orphaned by a crash frees itself), recording every operation's invocation,
/// completion, outcome and fencing token on one monotonic clock. Against a cluster, client i starts on node
/// i mod n and moves to the next node when its node refuses connections (it was killed or stopped).
/// </summary>
public sealed class LockWorkload(IReadOnlyList<Uri> servers, int clients, IReadOnlyList<string> keys)
{
    public const string Context = "safety";
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public LockWorkload(Uri server, int clients, IReadOnlyList<string> keys) : this([server], clients, keys)
    {
    }

    public TimeSpan Now => _clock.Elapsed;

    /// <summary>Runs until <paramref name="stop"/> is cancelled; operations under way then still complete and are recorded.</summary>
    public async Task<IReadOnlyList<Operation>> RunAsync(CancellationToken stop)
    {
        var histories = await Task.WhenAll(Enumerable.Range(1, clients).Select(c => Task.Run(() => RunClientAsync(c, stop))));
        return histories.SelectMany(h => h).ToList();
    }

    private async Task<List<Operation>> RunClientAsync(int client, CancellationToken stop)
    {
        var random = new Random(client);
        var history = new List<Operation>();
        var node = client % servers.Count;
        var http = NewClient(servers[node]);
        while (!stop.IsCancellationRequested)
        {
            var key = keys[random.Next(keys.Count)];
            var ttl = TimeSpan.FromMilliseconds(random.Next(1000, 2500));
            var (acquire, answered) = await AcquireAsync(http, client, key, ttl);
            history.Add(acquire);
            if (!answered && servers.Count > 1)
            {
                http.Dispose();
                node = (node + 1) % servers.Count;
                http = NewClient(servers[node]);
            }
            if (acquire.Outcome == Outcome.Ok)
            {
                await Task.Delay(random.Next(0, 150));
                if (random.NextDouble() < 0.9) history.Add(await ReleaseAsync(http, client, key));
            }
            else
            {
                await Task.Delay(acquire.Outcome == Outcome.Failed && acquire.Token is null ? random.Next(10, 50) : 100);
            }
        }
        http.Dispose();
        return history;
    }

    private static HttpClient NewClient(Uri server) => new() { BaseAddress = server, Timeout = TimeSpan.FromSeconds(3) };

    /// <summary>The operation, and whether the node answered at all (a node that did not may be down: try another).</summary>
    private async Task<(Operation, bool Answered)> AcquireAsync(HttpClient http, int client, string key, TimeSpan ttl)
    {
        var invoked = Now;
        var body = $$"""{"client":"c{{client}}","context":"{{Context}}","target":"{{key}}","ttl":{{ttl.TotalSeconds:0.###}}}""";
        var (status, token, outcome) = await SendAsync(http, "/api/sync/request_lock", body);
        var granted = status is 200 or 208;
        var operation = new Operation(client, key, OperationKind.Acquire, invoked, Now,
            outcome ?? (granted ? Outcome.Ok : Outcome.Failed), granted ? token : null, ttl, AlreadyHeld: status == 208);
        return (operation, status is not (0 or >= 500));
    }

    private async Task<Operation> ReleaseAsync(HttpClient http, int client, string key)
    {
        var invoked = Now;
        var (status, _, outcome) = await SendAsync(http, "/api/sync/release_lock", $$"""{"client":"c{{client}}","context":"{{Context}}","target":"{{key}}"}""");
        return new Operation(client, key, OperationKind.Release, invoked, Now, outcome ?? (status == 200 ? Outcome.Ok : Outcome.Failed));
    }

    /// <summary>The answer, or the outcome when there was none: refused connections were never served, anything else may have been.</summary>
    private static async Task<(int Status, long? Token, Outcome? Outcome)> SendAsync(HttpClient http, string path, string body)
    {
        try
        {
            using var response = await http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));
            var token = response.Headers.TryGetValues("X-Fencing-Token", out var values) ? long.Parse(values.First()) : (long?)null;
            return ((int)response.StatusCode, token, (int)response.StatusCode >= 500 ? Outcome.Unknown : null);
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            return (0, null, Outcome.Failed);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return (0, null, Outcome.Unknown);
        }
    }
}
