using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace AkkaLocks.LoadGen.Targets;

/// <summary>
/// etcd 3.4's lock service through its v3 JSON gateway (<c>/v3/...</c>): each worker grants a lease and keeps it
/// alive, then <c>/v3/lock/lock</c> (which blocks while another holds the name) and <c>/v3/lock/unlock</c>.
/// Keys and names are base64 in the gateway's JSON; int64 lease ids travel as strings.
/// </summary>
internal sealed class EtcdTarget(Uri baseAddress, TimeSpan leaseTtl) : ILockTarget
{
    public string Name => "etcd";
    public bool IsSubject => false;

    public async Task<ILockSession> OpenAsync(int worker, CancellationToken cancellationToken)
    {
        var http = HttpClients.Create(baseAddress);
        var grant = await PostAsync(http, "/v3/lease/grant", Body("TTL", (long)leaseTtl.TotalSeconds), cancellationToken);
        var lease = grant.RootElement.GetProperty("ID").GetString()!;
        return new Session(http, lease, leaseTtl);
    }

    private static async Task<JsonDocument> PostAsync(HttpClient http, string path, object body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(path, body, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private sealed class Session : ILockSession
    {
        private readonly HttpClient http;
        private readonly string lease;
        private readonly CancellationTokenSource stop = new();
        private readonly Task keepAlive;

        public Session(HttpClient http, string lease, TimeSpan leaseTtl)
        {
            this.http = http;
            this.lease = lease;
            // A separate client: the keepalive must not queue behind a lock call blocked on the worker's connection.
            keepAlive = KeepAliveAsync(HttpClients.Create(http.BaseAddress!), leaseTtl / 3, stop.Token);
        }

        private async Task KeepAliveAsync(HttpClient client, TimeSpan every, CancellationToken cancellationToken)
        {
            using (client)
            {
                try
                {
                    while (true)
                    {
                        await Task.Delay(every, cancellationToken);
                        using var _ = await PostAsync(client, "/v3/lease/keepalive", Body("ID", lease), cancellationToken);
                    }
                }
                catch (OperationCanceledException)
                {
                    // The session ended.
                }
            }
        }

        public async Task<LockAttempt> AcquireAsync(string key, bool wait, TimeSpan maxWait, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(maxWait);
            try
            {
                using var reply = await PostAsync(http, "/v3/lock/lock", Body("name", Base64("bench/" + key), "lease", lease), timeout.Token);
                return LockAttempt.Acquired(reply.RootElement.GetProperty("key").GetString()!);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return LockAttempt.Busy;
            }
        }

        public async Task<bool> ReleaseAsync(string key, string token, CancellationToken cancellationToken)
        {
            using var _ = await PostAsync(http, "/v3/lock/unlock", Body("key", token), cancellationToken);
            return true;
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await keepAlive;
            try
            {
                // Revoking frees anything still held or queued under this lease, so the next scenario starts clean.
                using var revoke = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                using var _ = await PostAsync(http, "/v3/lease/revoke", Body("ID", lease), revoke.Token);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // Best effort: the lease expires on its own.
            }
            http.Dispose();
            stop.Dispose();
        }
    }

    /// <summary>A dictionary keeps the field names as etcd spells them (TTL, ID); an object would be camel-cased.</summary>
    private static Dictionary<string, object> Body(params object[] pairs)
    {
        var body = new Dictionary<string, object>();
        for (var i = 0; i < pairs.Length; i += 2) body[(string)pairs[i]] = pairs[i + 1];
        return body;
    }
}
