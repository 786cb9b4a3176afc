using System.Security.Claims;

namespace AkkaLocks.Server.Auth;

/// <summary>The outcome of checking a user name and password.</summary>
public abstract record LoginResult
{
    public sealed record Succeeded(ClaimsPrincipal User) : LoginResult;

    public sealed record InvalidCredentials : LoginResult;

    /// <summary>Too many failures in a row; refused even with the right password until the lockout ends.</summary>
    public sealed record LockedOut : LoginResult;
}
