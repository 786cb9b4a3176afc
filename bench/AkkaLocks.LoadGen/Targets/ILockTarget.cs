namespace AkkaLocks.LoadGen.Targets;

/// <summary>A lock service under load; each worker opens its own session (its own connection, lease or client id).</summary>
internal interface ILockTarget
{
    /// <summary>The name in the report, e.g. <c>akkalocks-native</c> or <c>redis-aof</c>.</summary>
    string Name { get; }

    /// <summary>Whether this is AkkaLocks (a subject) rather than an anchor it is compared with.</summary>
    bool IsSubject { get; }

    /// <summary>
    /// False for <see cref="HttpCeilingTarget"/>, which answers without locking: it runs only the uncontended workload,
    /// and its cycles are kept out of the safety check.
    /// </summary>
    bool Locks => true;

    Task<ILockSession> OpenAsync(int worker, CancellationToken cancellationToken);
}

/// <summary>One worker's connection to a target: not thread-safe, used by one worker at a time.</summary>
internal interface ILockSession : IAsyncDisposable
{
    /// <summary>
    /// One acquire attempt. With <paramref name="wait"/> the target may block up to <paramref name="maxWait"/>
    /// (AkkaLocks' queue, etcd's lock API); targets without a wait answer Busy and the workload spins.
    /// </summary>
    Task<LockAttempt> AcquireAsync(string key, bool wait, TimeSpan maxWait, CancellationToken cancellationToken);

    /// <summary>Releases what <paramref name="token"/> holds; false when the target says it was not held.</summary>
    Task<bool> ReleaseAsync(string key, string token, CancellationToken cancellationToken);
}
