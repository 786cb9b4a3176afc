namespace AkkaLocks.LoadGen.Targets;

/// <summary>
/// The classic single-instance Redis lock: <c>SET key token NX PX ttl</c>, released by a compare-and-delete
/// script so a worker never deletes a lock that expired and went to someone else. No wait: contention spins.
/// </summary>
internal sealed class RedisTarget(string name, string host, int port, TimeSpan ttl) : ILockTarget
{
    private const string ReleaseScript =
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    public string Name => name;
    public bool IsSubject => false;

    public async Task<ILockSession> OpenAsync(int worker, CancellationToken cancellationToken)
    {
        var connection = await RespConnection.ConnectAsync(host, port, cancellationToken);
        // Loaded once per worker, then called by its SHA as a real client would.
        var sha = await connection.CommandAsync(cancellationToken, "SCRIPT", "LOAD", ReleaseScript);
        return new Session(connection, sha!, worker, ((long)ttl.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private sealed class Session(RespConnection connection, string releaseSha, int worker, string ttlMs) : ILockSession
    {
        private long sequence;

        public async Task<LockAttempt> AcquireAsync(string key, bool wait, TimeSpan maxWait, CancellationToken cancellationToken)
        {
            var token = $"w{worker}-{++sequence}";
            var reply = await connection.CommandAsync(cancellationToken, "SET", "lock:" + key, token, "NX", "PX", ttlMs);
            return reply == "OK" ? LockAttempt.Acquired(token) : LockAttempt.Busy;
        }

        public async Task<bool> ReleaseAsync(string key, string token, CancellationToken cancellationToken) =>
            await connection.CommandAsync(cancellationToken, "EVALSHA", releaseSha, "1", "lock:" + key, token) == "1";

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
