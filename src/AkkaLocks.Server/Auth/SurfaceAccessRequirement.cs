using Microsoft.AspNetCore.Authorization;

namespace AkkaLocks.Server.Auth;

/// <summary>
/// Met when <paramref name="Surface"/> is open, or when the user is an admin or has one of <paramref name="Roles"/>.
/// A failure answers 401 (never 403): esoco's Java client throws on 403.
/// </summary>
public sealed record SurfaceAccessRequirement(RestSurface Surface, string[] Roles) : IAuthorizationRequirement;

/// <summary>Checks <see cref="SurfaceAccessRequirement"/>.</summary>
public sealed class SurfaceAccessHandler(CredentialsModeResolver modes) : AuthorizationHandler<SurfaceAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SurfaceAccessRequirement requirement)
    {
        if (!modes.RequiresCredentials(requirement.Surface) || AkkaLocksRoles.HasAny(context.User, requirement.Roles))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
