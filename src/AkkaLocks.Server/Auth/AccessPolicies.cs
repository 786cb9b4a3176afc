using Microsoft.AspNetCore.Authorization;

namespace AkkaLocks.Server.Auth;

/// <summary>The authorization policies of the REST surfaces, by name.</summary>
public static class AccessPolicies
{
    /// <summary>/api/sync lock operations: ordinary lock clients.</summary>
    public const string EsocoSync = "esoco-sync";

    /// <summary>/api/status, current_locks and /webapi: monitors.</summary>
    public const string EsocoMonitor = "esoco-monitor";

    /// <summary>/api/control: admins only.</summary>
    public const string EsocoAdmin = "esoco-admin";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(EsocoSync, p => p.AddRequirements(new SurfaceAccessRequirement(RestSurface.EsocoSync, [AkkaLocksRoles.Lock])));
        options.AddPolicy(EsocoMonitor, p => p.AddRequirements(new SurfaceAccessRequirement(RestSurface.EsocoAdmin, [AkkaLocksRoles.Monitor])));
        options.AddPolicy(EsocoAdmin, p => p.AddRequirements(new SurfaceAccessRequirement(RestSurface.EsocoAdmin, [])));
    }
}
