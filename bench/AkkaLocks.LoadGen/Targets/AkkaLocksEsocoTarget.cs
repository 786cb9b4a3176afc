using System.Net;
using System.Net.Http.Json;

namespace AkkaLocks.LoadGen.Targets;

/// <summary>
/// AkkaLocks' esoco sync API: request_lock and release_lock by client name. esoco has no wait, so a contended
/// workload spins on 423 like the Redis one.
/// </summary>
internal sealed class AkkaLocksEsocoTarget(Uri baseAddress, TimeSpan ttl) : ILockTarget
{
    public string Name => "akkalocks-esoco";
    public bool IsSubject => true;

    public Task<ILockSession> OpenAsync(int worker, CancellationToken cancellationToken) =>
        Task.FromResult<ILockSession>(new Session(HttpClients.Create(baseAddress), $"bench-e{worker}", ttl));

    private sealed class Session(HttpClient http, string client, TimeSpan ttl) : ILockSession
    {
        // esoco's ttl is in whole seconds.
        private readonly long ttlSeconds = Math.Max(1, (long)ttl.TotalSeconds);

        public async Task<LockAttempt> AcquireAsync(string key, bool wait, TimeSpan maxWait, CancellationToken cancellationToken)
        {
            using var response = await http.PostAsJsonAsync("/api/sync/request_lock", Body(key), cancellationToken);
            if (response.StatusCode == HttpStatusCode.Locked) return LockAttempt.Busy;
            // The esoco API releases by client name; the token is that name.
            return response.StatusCode == HttpStatusCode.OK ? LockAttempt.Acquired(client) : LockAttempt.Failed($"request_lock {(int)response.StatusCode}");
        }

        public async Task<bool> ReleaseAsync(string key, string token, CancellationToken cancellationToken)
        {
            using var response = await http.PostAsJsonAsync("/api/sync/release_lock", Body(key), cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }

        private EsocoBody Body(string key) => new(client, "bench", key, ttlSeconds);

        public ValueTask DisposeAsync()
        {
            http.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private sealed record EsocoBody(string Client, string Context, string Target, long Ttl);
}
