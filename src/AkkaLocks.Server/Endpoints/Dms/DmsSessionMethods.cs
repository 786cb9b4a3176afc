using System.Reflection;
using System.Security.Claims;
using System.Text.Json.Nodes;
using AkkaLocks.Server.Auth;

namespace AkkaLocks.Server.Endpoints.Dms;

/// <summary>Login and RefreshToken, the same on /synchutilsrpc and /eventstreamsrpc: a token from one is valid on every surface.</summary>
public static class DmsSessionMethods
{
    private static readonly string Version =
        "AkkaLocks " + (typeof(DmsSessionMethods).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0")
        + " (DMSContainer SynchUtils compatible)";

    public static readonly RpcMethod Login = new("Login", ["username", "password"], LoginAsync);

    public static readonly RpcMethod RefreshToken = new("RefreshToken", ["token"], RefreshAsync);

    private static Task<JsonNode?> LoginAsync(RpcCall call)
    {
        var (user, password) = (call.Params.String(0), call.Params.String(1));
        return Task.FromResult(call.Service<UserDirectory>().Login(user, password) switch
        {
            LoginResult.Succeeded s => TokenObject(call, s.User),
            LoginResult.LockedOut => throw new JsonRpcException(JsonRpcErrorCodes.LockedOut, "User locked out after too many failed logins; try again later"),
            _ => throw new JsonRpcException(JsonRpcErrorCodes.InvalidCredentials, "Invalid username or password"),
        });
    }

    private static Task<JsonNode?> RefreshAsync(RpcCall call)
    {
        var user = DmsSession.RequireUser(call, 0);
        return Task.FromResult(TokenObject(call, user));
    }

    private static JsonNode? TokenObject(RpcCall call, ClaimsPrincipal user)
    {
        var issued = call.Service<TokenService>().Issue(user);
        return new JsonObject
        {
            ["token"] = issued.Token,
            ["dmscontainerversion"] = Version,
            ["expiration"] = issued.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
        };
    }
}
