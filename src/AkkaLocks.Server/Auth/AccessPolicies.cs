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

    /// <summary>v1 acquire, extend, release by handle and fence checks: lock clients (credentials per EsocoSync).</summary>
    public const string V1Lock = "v1-lock";

    /// <summary>v1 reads of one lock and listings: monitors, and lock clients reading the locks they compete for.</summary>
    public const string V1Read = "v1-read";

    /// <summary>The v1 watch <c>/v1/events</c>: monitors, event readers and lock clients.</summary>
    public const string V1Events = "v1-events";

    /// <summary>v1 force-release: admins only.</summary>
    public const string V1Admin = "v1-admin";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(EsocoSync, p => p.AddRequirements(new SurfaceAccessRequirement(RestSurface.EsocoSync, [AkkaLocksRoles.Lock])));
        options.AddPolicy(EsocoMonitor, p => p.AddRequirements(new SurfaceAccessRequirement(RestSurface.EsocoAdmin, [AkkaLocksRoles.Monitor])));
        options.AddPolicy(EsocoAdmin, p => p.AddRequirements(new SurfaceAccessRequirement(RestSurface.EsocoAdmin, [])));
        // v1 shares esoco's switches (lock operations follow EsocoSync, the rest EsocoAdmin) rather than adding its own:
        // an operator securing a deployment secures every surface with the same two settings.
        options.AddPolicy(V1Lock, p => p.AddRequirements(new NativeAccessRequirement(RestSurface.EsocoSync, [AkkaLocksRoles.Lock])));
        options.AddPolicy(V1Read, p => p.AddRequirements(new NativeAccessRequirement(RestSurface.EsocoAdmin, [AkkaLocksRoles.Monitor, AkkaLocksRoles.Lock])));
        options.AddPolicy(V1Events, p => p.AddRequirements(
            new NativeAccessRequirement(RestSurface.EsocoAdmin, [AkkaLocksRoles.Monitor, AkkaLocksRoles.EventRead, AkkaLocksRoles.Lock])));
        options.AddPolicy(V1Admin, p => p.AddRequirements(new NativeAccessRequirement(RestSurface.EsocoAdmin, [])));
    }
}
