using AkkaLocks.Server.Auth;
using Microsoft.AspNetCore.Authorization;

namespace AkkaLocks.Server.Endpoints.NativeV1;

/// <summary>
/// Release and force-release share one route (<c>DELETE</c>, told apart by <c>force=true</c>), and a route carries one
/// policy: this filter adds the admin check for forcing, answering like the authorization middleware would (401
/// without valid credentials, 403 for a user without the role; status code pages turn both into problem details).
/// </summary>
internal sealed class NativeV1ForceAuthorization(IAuthorizationService authorization) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!IsForce(http.Request)) return await next(context);
        var result = await authorization.AuthorizeAsync(http.User, http, AccessPolicies.V1Admin);
        if (result.Succeeded) return await next(context);
        return http.User.Identity?.IsAuthenticated == true ? Results.Forbid() : Results.Challenge();
    }

    // Fails closed: any force value that reads as true asks for admin, even where the handler's binding would refuse
    // the query (repeated values), so no reading of the query can force-release without this check.
    private static bool IsForce(HttpRequest request) =>
        request.Query["force"].Any(value => bool.TryParse(value, out var force) && force);
}
