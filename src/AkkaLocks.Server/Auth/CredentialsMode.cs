namespace AkkaLocks.Server.Auth;

/// <summary>Whether a REST surface asks for credentials.</summary>
public enum CredentialsMode
{
    /// <summary>Secure when the server listens on any non-loopback address, open when it listens on loopback only.</summary>
    Auto,

    /// <summary>No credentials needed (credentials sent anyway still identify the user).</summary>
    Open,

    /// <summary>Credentials (HTTP Basic or a bearer token) with the right role are needed.</summary>
    Secure,
}
