namespace AkkaLocks.Client;

/// <summary>How the client reaches the server and how its locks behave; every default is stated.</summary>
public sealed class AkkaLocksClientOptions
{
    /// <summary>The server, e.g. http://locks.internal:7962/. Required when registered through dependency injection.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The context (environment, tenant, module) of locks created without one. Default "default".</summary>
    public string Context { get; set; } = "default";

    /// <summary>
    /// Who holds the locks, as operators see it. Default machine name and process id. Each acquisition adds a
    /// unique suffix, so two handles of the same process are never mistaken for one holder.
    /// </summary>
    public string Owner { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>How long a grant lasts unless renewed. Default 30 s; a crashed holder's lock frees itself after this.</summary>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Renew a held lock automatically while its handle lives. Default true.</summary>
    public bool AutoRenew { get; set; } = true;

    /// <summary>Renew after this fraction of the TTL. Default 1/3, so two renewals may fail before the lock is at risk.</summary>
    public double RenewalFraction { get; set; } = 1.0 / 3;

    /// <summary>
    /// A handle counts its lock lost this long before the TTL would run out without a confirmed renewal, so that the
    /// holder stops before the server can grant the lock to someone else. Default a tenth of the TTL.
    /// </summary>
    public TimeSpan? SafetyMargin { get; set; }

    /// <summary>How long one request may take, beyond any time it waits for a lock. Default 10 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of an idempotent request (reads, acquires with their request id, releases) after a network error or a 502/503/504. Default 2.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>
    /// A bearer token (from the server's JSON-RPC Login) sent with every request. Default none: without credentials
    /// the client works against an open server (one listening on loopback only, or configured open). With them, the
    /// locks it takes answer to that user only, whoever else learns their handles. Tokens expire
    /// (the server's TokenLifetime, one hour by default), so a long-running service is better off with Basic credentials.
    /// </summary>
    public string? BearerToken { get; set; }

    /// <summary>A user for HTTP Basic, sent with every request together with <see cref="Password"/>. Default none.</summary>
    public string? UserName { get; set; }

    /// <summary>The password of <see cref="UserName"/>. Send it over HTTPS only, outside a trusted network.</summary>
    public string? Password { get; set; }

    /// <summary>Both a token and a user: which one should act is ambiguous, so it is refused rather than guessed.</summary>
    internal bool HasConflictingCredentials => BearerToken is not null && UserName is not null;

    internal TimeSpan EffectiveSafetyMargin => SafetyMargin ?? Ttl / 10;
}
