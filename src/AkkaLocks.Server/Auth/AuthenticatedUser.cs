using System.Security.Claims;

namespace AkkaLocks.Server.Auth;

/// <summary>Who a request acts as, for lock ownership: a lock taken by a user answers only to that user.</summary>
public static class AuthenticatedUser
{
    /// <summary>The user's name, or null for an anonymous caller (whose locks answer to their handle alone).</summary>
    public static string? NameOf(ClaimsPrincipal principal) =>
        principal.Identity is { IsAuthenticated: true, Name: { } name } ? name : null;
}
