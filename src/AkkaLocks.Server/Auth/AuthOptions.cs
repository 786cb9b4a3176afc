namespace AkkaLocks.Server.Auth;

/// <summary>The <c>AkkaLocks:Auth</c> section: tokens, login lockout, and which REST surfaces ask for credentials.</summary>
public sealed class AuthOptions
{
    public const string Section = "AkkaLocks:Auth";

    /// <summary>
    /// Folder of the Data Protection keys that protect tokens; empty: the PostgreSQL journal's database when the
    /// provider is postgresql, else <c>&lt;DataDirectory&gt;/keys</c>. Every node of a cluster must see the same keys.
    /// </summary>
    public string KeysDirectory { get; set; } = "";

    /// <summary>How long a token from Login or RefreshToken is valid.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Failed logins in a row that lock a user out (DMSContainer locks out after three).</summary>
    public int MaxFailedLogins { get; set; } = 3;

    /// <summary>How long a locked-out user is refused, even with the right password.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>esoco's /api/sync and v1's lock operations (acquire, extend, release, fence checks); the original esoco has no credentials at all.</summary>
    public CredentialsMode EsocoSync { get; set; } = CredentialsMode.Auto;

    /// <summary>esoco's /api/control (admin), /api/status, current_locks and /webapi (monitor); v1's reads, listings, watch and force-release.</summary>
    public CredentialsMode EsocoAdmin { get; set; } = CredentialsMode.Auto;
}
