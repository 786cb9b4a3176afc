using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AkkaLocks.LoadGen.Targets;

/// <summary>AkkaLocks' native v1 API: PUT acquires (optionally waiting in the lock's FIFO queue), DELETE releases by handle.</summary>
internal sealed class AkkaLocksNativeTarget(Uri baseAddress, TimeSpan ttl) : ILockTarget
{
    public string Name => "akkalocks-native";
    public bool IsSubject => true;

    public Task<ILockSession> OpenAsync(int worker, CancellationToken cancellationToken) =>
        Task.FromResult<ILockSession>(new Session(HttpClients.Create(baseAddress), $"bench-w{worker}", ttl));

    private sealed class Session(HttpClient http, string owner, TimeSpan ttl) : ILockSession
    {
        public async Task<LockAttempt> AcquireAsync(string key, bool wait, TimeSpan maxWait, CancellationToken cancellationToken)
        {
            var body = new AcquireBody(owner, (long)ttl.TotalMilliseconds, wait ? (long)maxWait.TotalMilliseconds : null);
            using var response = await http.PutAsJsonAsync($"/v1/locks/bench/{key}", body, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Locked) return LockAttempt.Busy;
            // 409: the lock was freed while we waited (the server says "try again"): a busy answer, not a failure.
            if (response.StatusCode == HttpStatusCode.Conflict) return LockAttempt.Busy;
            if (response.StatusCode != HttpStatusCode.OK) return LockAttempt.Failed($"acquire {(int)response.StatusCode}");
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            return LockAttempt.Acquired(json.RootElement.GetProperty("handle").GetString()!);
        }

        public async Task<bool> ReleaseAsync(string key, string token, CancellationToken cancellationToken)
        {
            using var response = await http.DeleteAsync($"/v1/locks/bench/{key}?handle={Uri.EscapeDataString(token)}", cancellationToken);
            return response.StatusCode == HttpStatusCode.NoContent;
        }

        public ValueTask DisposeAsync()
        {
            http.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private sealed record AcquireBody(string Owner, long TtlMs, long? WaitMs);
}
