using Microsoft.AspNetCore.Authorization;

namespace AkkaLocks.Server.Auth;

/// <summary>
/// Met when <paramref name="Surface"/> is open, or when the user is an admin or has one of <paramref name="Roles"/>.
/// Credentials that were sent but are wrong (bad password, forged or expired token) fail even on an open
/// surface: the caller meant to act as a user and must not silently act as nobody. A failure answers 401
/// (never 403): esoco's Java client throws on 403.
/// </summary>
public sealed record SurfaceAccessRequirement(RestSurface Surface, string[] Roles) : IAuthorizationRequirement;

/// <summary>Checks <see cref="SurfaceAccessRequirement"/>.</summary>
public sealed class SurfaceAccessHandler(CredentialsModeResolver modes) : AuthorizationHandler<SurfaceAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SurfaceAccessRequirement requirement)
    {
        if (SurfaceAccess.Allows(context, modes, requirement.Surface, requirement.Roles)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
