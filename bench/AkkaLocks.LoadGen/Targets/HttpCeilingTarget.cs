namespace AkkaLocks.LoadGen.Targets;

/// <summary>
/// Not a lock service: the AkkaLocks server's <c>/ping</c> twice per cycle, for the "acquire" and the "release". Each is a
/// round trip through the same Kestrel, middleware and endpoint routing as a lock request, with no lock work behind it,
/// measured by the same load generator on the same cores. So its cycles/s is the most any lock API over this HTTP stack
/// could reach on this machine, and a target above it cannot be met by work on the lock engine or its journal.
/// </summary>
internal sealed class HttpCeilingTarget(Uri baseAddress) : ILockTarget
{
    public string Name => "http-ceiling";
    public bool IsSubject => false;
    public bool Locks => false;

    public Task<ILockSession> OpenAsync(int worker, CancellationToken cancellationToken) =>
        Task.FromResult<ILockSession>(new Session(HttpClients.Create(baseAddress)));

    private sealed class Session(HttpClient http) : ILockSession
    {
        public async Task<LockAttempt> AcquireAsync(string key, bool wait, TimeSpan maxWait, CancellationToken cancellationToken) =>
            await PingAsync(cancellationToken) ? LockAttempt.Acquired(key) : LockAttempt.Failed("ping");

        public Task<bool> ReleaseAsync(string key, string token, CancellationToken cancellationToken) => PingAsync(cancellationToken);

        public ValueTask DisposeAsync()
        {
            http.Dispose();
            return ValueTask.CompletedTask;
        }

        private async Task<bool> PingAsync(CancellationToken cancellationToken)
        {
            using var response = await http.GetAsync("/ping", cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);   // read to the end, as the lock targets read theirs
            return response.IsSuccessStatusCode;
        }
    }
}
