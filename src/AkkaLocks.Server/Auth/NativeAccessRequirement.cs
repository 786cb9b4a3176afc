using Microsoft.AspNetCore.Authorization;

namespace AkkaLocks.Server.Auth;

/// <summary>
/// The native v1 API's access rule: the same as <see cref="SurfaceAccessRequirement"/>, but a type of its own so
/// that <see cref="UnauthorizedInsteadOfForbidden"/> leaves it alone. v1 is not bound by esoco's Java client, so an
/// authenticated user without the role gets the honest 403, and a caller without (valid) credentials 401.
/// </summary>
public sealed record NativeAccessRequirement(RestSurface Surface, string[] Roles) : IAuthorizationRequirement;

/// <summary>Checks <see cref="NativeAccessRequirement"/>.</summary>
public sealed class NativeAccessHandler(CredentialsModeResolver modes) : AuthorizationHandler<NativeAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, NativeAccessRequirement requirement)
    {
        if (SurfaceAccess.Allows(context, modes, requirement.Surface, requirement.Roles)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
