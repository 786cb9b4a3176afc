using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>
/// Clients that queue for two locks through the native v1 API (<c>waitMs</c>: FIFO on the server) and hang up on a
/// share of their requests (<see cref="ClientDisconnectNemesis"/>). Every attempt uses an owner id of its own, so a
/// grant that reached a caller who hung up can never be claimed back by a later request: only the server's own
/// clean-up or its TTL can end it.
/// </summary>
public sealed class WaitingLockWorkload(Uri server, int clients, IReadOnlyList<string> keys, ClientDisconnectNemesis nemesis)
{
    public const string Context = "safety-wait";

    /// <summary>
    /// The TTL of attempts the nemesis may cut, and so the longest a grant to a caller that hung up may last: the server
    /// should release it at once, but a grant made in the instant before the server sees the connection close is written
    /// into a dead socket, and only its TTL ends it.
    /// </summary>
    public static readonly TimeSpan AbandonableTtl = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan Wait = TimeSpan.FromMilliseconds(1500);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, bool> _abandonedOwners = new();

    public TimeSpan Now => _clock.Elapsed;

    /// <summary>Owners of acquires the client hung up on: it never learned whether they were granted.</summary>
    public IReadOnlySet<string> AbandonedOwners => _abandonedOwners.Keys.ToHashSet();

    public async Task<IReadOnlyList<Operation>> RunAsync(CancellationToken stop)
    {
        var histories = await Task.WhenAll(Enumerable.Range(1, clients).Select(c => Task.Run(() => RunClientAsync(c, stop))));
        return histories.SelectMany(h => h).ToList();
    }

    private async Task<List<Operation>> RunClientAsync(int client, CancellationToken stop)
    {
        var random = new Random(1000 + client);
        var history = new List<Operation>();
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(3) };
        for (var attempt = 1; !stop.IsCancellationRequested; attempt++)
        {
            var key = keys[random.Next(keys.Count)];
            var owner = $"c{client}-{attempt}";
            using var cut = nemesis.NextCut(random);
            var ttl = cut is null ? TimeSpan.FromMilliseconds(random.Next(1000, 2500)) : AbandonableTtl;
            var (acquire, handle) = await AcquireAsync(http, client, owner, key, ttl, cut?.Token ?? CancellationToken.None);
            history.Add(acquire);
            if (acquire.Outcome == Outcome.Unknown && cut is { IsCancellationRequested: true }) _abandonedOwners[owner] = true;
            if (acquire.Outcome == Outcome.Ok)
            {
                await Task.Delay(random.Next(0, 150));
                // Grants of cut-able attempts are always released, so every expiry of one is a grant that raced a hang-up.
                if (ttl == AbandonableTtl || random.NextDouble() < 0.9) history.Add(await ReleaseAsync(http, client, key, handle!));
            }
            else if (acquire.Outcome == Outcome.Failed)
            {
                await Task.Delay(random.Next(10, 50));
            }
        }
        return history;
    }

    private async Task<(Operation Operation, string? Handle)> AcquireAsync(
        HttpClient http, int client, string owner, string key, TimeSpan ttl, CancellationToken cut)
    {
        var invoked = Now;
        var body = new { owner, ttlMs = (long)ttl.TotalMilliseconds, waitMs = (long)Wait.TotalMilliseconds };
        try
        {
            using var response = await http.PutAsJsonAsync($"/v1/locks/{Context}/{key}", body, cut);
            if (response.StatusCode != HttpStatusCode.OK)
                return (new Operation(client, key, OperationKind.Acquire, invoked, Now, (int)response.StatusCode >= 500 ? Outcome.Unknown : Outcome.Failed), null);
            var grant = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cut)).RootElement;
            return (new Operation(client, key, OperationKind.Acquire, invoked, Now, Outcome.Ok, grant.GetProperty("fencingToken").GetInt64(), ttl),
                grant.GetProperty("handle").GetString());
        }
        catch (Exception e) when (IsUncertain(e))
        {
            return (new Operation(client, key, OperationKind.Acquire, invoked, Now, Outcome.Unknown), null);
        }
    }

    private async Task<Operation> ReleaseAsync(HttpClient http, int client, string key, string handle)
    {
        var invoked = Now;
        try
        {
            using var response = await http.DeleteAsync($"/v1/locks/{Context}/{key}?handle={Uri.EscapeDataString(handle)}");
            var outcome = response.StatusCode == HttpStatusCode.NoContent ? Outcome.Ok : (int)response.StatusCode >= 500 ? Outcome.Unknown : Outcome.Failed;
            return new Operation(client, key, OperationKind.Release, invoked, Now, outcome);
        }
        catch (Exception e) when (IsUncertain(e))
        {
            return new Operation(client, key, OperationKind.Release, invoked, Now, Outcome.Unknown);
        }
    }

    private static bool IsUncertain(Exception e) =>
        e is OperationCanceledException or IOException or JsonException or HttpRequestException;
}
