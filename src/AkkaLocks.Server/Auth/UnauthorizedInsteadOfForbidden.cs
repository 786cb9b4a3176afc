using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace AkkaLocks.Server.Auth;

/// <summary>
/// The surfaces guarded by <see cref="SurfaceAccessRequirement"/> answer 401 for insufficient credentials as
/// for missing ones: 403 is outside the set of status codes esoco's Java client accepts.
/// </summary>
public sealed class UnauthorizedInsteadOfForbidden : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && policy.Requirements.OfType<SurfaceAccessRequirement>().Any())
            return _default.HandleAsync(next, context, policy, PolicyAuthorizationResult.Challenge());
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
