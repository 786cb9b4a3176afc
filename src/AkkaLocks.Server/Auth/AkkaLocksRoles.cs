using System.Security.Claims;

namespace AkkaLocks.Server.Auth;

/// <summary>The roles a configured user may have. <see cref="Admin"/> may do everything the others may.</summary>
public static class AkkaLocksRoles
{
    /// <summary>Control, reset, force unlock, and everything below.</summary>
    public const string Admin = "admin";

    /// <summary>Status, listings (GetLocks, current_locks), and lock events.</summary>
    public const string Monitor = "monitor";

    /// <summary>Reading lock event queues.</summary>
    public const string EventRead = "event_read";

    /// <summary>Ordinary lock clients: acquire, extend, release, and read a lock's data.</summary>
    public const string Lock = "lock";

    /// <summary>Whether <paramref name="user"/> is an admin or has one of <paramref name="roles"/>.</summary>
    public static bool HasAny(ClaimsPrincipal user, IEnumerable<string> roles) =>
        user.IsInRole(Admin) || roles.Any(user.IsInRole);
}
