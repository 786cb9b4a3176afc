using System.Security.Claims;
using AkkaLocks.Core;
using AkkaLocks.Server.Auth;
using Microsoft.Extensions.Options;

namespace AkkaLocks.Server.Endpoints.Dms;

/// <summary>The checks every DMS method starts with: the token (-32004), the role (-32003), and the lock identifier (-32602).</summary>
public static class DmsSession
{
    /// <summary>The token's user, who must be an admin or have one of <paramref name="roles"/>.</summary>
    public static ClaimsPrincipal RequireUser(RpcCall call, int tokenIndex, params string[] roles)
    {
        var user = call.Service<TokenService>().Validate(call.Params.String(tokenIndex))
            ?? throw new JsonRpcException(JsonRpcErrorCodes.InvalidToken, "Invalid or expired token");
        if (roles.Length > 0 && !AkkaLocksRoles.HasAny(user, roles))
            throw new JsonRpcException(JsonRpcErrorCodes.Forbidden, $"Not allowed: this method needs one of the roles {string.Join(", ", roles.Prepend(AkkaLocksRoles.Admin))}");
        return user;
    }

    public static string NameOf(ClaimsPrincipal user) => user.Identity!.Name!;

    /// <summary>The engine key of a DMS lock identifier, in the configured context.</summary>
    public static LockKey KeyOf(RpcCall call, string identifier)
    {
        var context = call.Service<IOptions<DmsOptions>>().Value.Context;
        if (!LockKey.TryCreate(context, identifier, out var key, out var error))
            throw JsonRpcException.InvalidParams($"Invalid lock identifier: {error}");
        return key;
    }

    /// <summary>Whole seconds left, rounded up so a held lock never reports 0; -1 when there is no such lock.</summary>
    public static long ExpiresIn(LockHolder? holder, DateTimeOffset now) => holder switch
    {
        null => -1,
        { ExpiresAt: null } => int.MaxValue,   // taken without a TTL (esoco): held until released
        _ => (long)Math.Ceiling(holder.RemainingAt(now)!.Value.TotalSeconds),
    };
}
