using Microsoft.AspNetCore.Authorization;

namespace AkkaLocks.Server.Auth;

/// <summary>
/// The one access rule of the REST surfaces, shared by the esoco and v1 requirements (which differ only in how a
/// refusal answers): an admin or a user with one of the roles passes; anyone passes an open surface, except a caller
/// whose credentials were sent but are wrong (bad password, forged or expired token): they meant to act as a user
/// and must not silently act as nobody.
/// </summary>
internal static class SurfaceAccess
{
    public static bool Allows(AuthorizationHandlerContext context, CredentialsModeResolver modes, RestSurface surface, string[] roles) =>
        AkkaLocksRoles.HasAny(context.User, roles)
        || (!modes.RequiresCredentials(surface) && !SentWrongCredentials(context));

    private static bool SentWrongCredentials(AuthorizationHandlerContext context) =>
        context.Resource is HttpContext http
        && !string.IsNullOrEmpty(http.Request.Headers.Authorization)
        && context.User.Identity?.IsAuthenticated != true;
}
