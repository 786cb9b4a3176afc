using System.Globalization;
using AkkaLocks.Core;
using AkkaLocks.Engine;
using AkkaLocks.Server.Auth;

namespace AkkaLocks.Server.Endpoints.Esoco;

/// <summary>/api/sync: check, request and release a lock (POST and PUT alike), and list the held locks.</summary>
internal static class EsocoSyncEndpoints
{
    private static readonly string[] Writes = ["POST", "PUT"];

    public static void MapEsocoSync(this IEndpointRouteBuilder app)
    {
        var sync = app.MapGroup("/api/sync").WithTags("esoco sync");
        sync.MapMethods("/check_lock", Writes, CheckLockAsync).RequireAuthorization(AccessPolicies.EsocoSync);
        sync.MapMethods("/request_lock", Writes, RequestLockAsync).RequireAuthorization(AccessPolicies.EsocoSync);
        sync.MapMethods("/release_lock", Writes, ReleaseLockAsync).RequireAuthorization(AccessPolicies.EsocoSync);
        sync.MapGet("/{operation:regex(^(check|request|release)_lock$)}", () => EsocoResults.NotAcceptable());
        sync.MapGet("/current_locks", EsocoCurrentLocks.GetAsync).RequireAuthorization(AccessPolicies.EsocoMonitor);
        sync.MapMethods("/current_locks", Writes, () => EsocoResults.NotAcceptable());
    }

    private static Task<IResult> CheckLockAsync(HttpContext http, ILockEngine engine) =>
        WithLockRequestAsync(http, async (request, ct) =>
        {
            var status = await engine.InspectAsync(request.Key, ct);
            return EsocoResults.Json(status.Holder is not null);
        });

    private static Task<IResult> RequestLockAsync(HttpContext http, ILockEngine engine, CredentialsModeResolver modes) =>
        WithLockRequestAsync(http, async (request, ct) =>
        {
            if (request.Force && !MayForce(http, modes)) return Results.Challenge();
            var acquire = new AcquireRequest(request.Client, request.Ttl, request.Data, ClientAddress(http), TakeOver: request.Force, User: UserOf(http));
            var reply = await engine.AcquireAsync(request.Key, acquire, ct);
            if (reply is Granted granted) AddGrantHeaders(http.Response, granted.Holder);
            return reply switch
            {
                Granted { AlreadyHeld: false } => EsocoResults.Empty(),
                Granted { AlreadyHeld: true } => EsocoResults.Empty(StatusCodes.Status208AlreadyReported),
                Busy => EsocoResults.Text(StatusCodes.Status423Locked, request.Client),
                Rejected rejected => EsocoResults.BadRequest(rejected.Reason),
                // Not 423: the lock may be free; within the codes esoco's Java client knows, a refused request is a 400.
                OwnerLimitReached limit => EsocoResults.BadRequest(
                    $"The client {limit.Owner} already holds {limit.Limit} locks, the most one client may hold; release some first."),
                _ => throw UnexpectedReply(reply),
            };
        });

    private static Task<IResult> ReleaseLockAsync(HttpContext http, ILockEngine engine, CredentialsModeResolver modes) =>
        WithLockRequestAsync(http, async (request, ct) =>
        {
            if (request.Force && !MayForce(http, modes)) return Results.Challenge();
            var reply = request.Force
                ? await engine.ForceReleaseAsync(request.Key, ForceReleaseReason.Admin, ct)
                : await engine.ReleaseAsync(request.Key, ReleaseLock.ByOwner(request.Client, UserOf(http)), ct);
            return reply switch
            {
                Released => EsocoResults.Empty(),
                NotHeld { CurrentHolder: null } => await NotLockedAsync(engine, request.Key, ct),
                NotHeld => EsocoResults.Text(StatusCodes.Status409Conflict, request.Client),
                Rejected rejected => EsocoResults.BadRequest(rejected.Reason),
                _ => throw UnexpectedReply(reply),
            };
        });

    /// <summary>esoco tells an unknown context (no lock held in it) from an unlocked target.</summary>
    private static async Task<IResult> NotLockedAsync(ILockEngine engine, LockKey key, CancellationToken ct)
    {
        var heldInContext = await engine.ListAsync(key.Context, ct);
        return EsocoResults.Text(StatusCodes.Status404NotFound,
            heldInContext.Count == 0 ? $"Unknown context {key.Context}" : $"{key.Context}:{key.Name}");
    }

    private static async Task<IResult> WithLockRequestAsync(HttpContext http, Func<EsocoLockRequest, CancellationToken, Task<IResult>> handle)
    {
        var (body, error) = await EsocoBody.ReadAsync(http.Request, http.RequestAborted);
        if (error is not null) return error;
        var request = EsocoLockRequest.Parse(body, out error);
        return request is null ? error! : await handle(request, http.RequestAborted);
    }

    /// <summary>The fencing token and handle ride in headers: esoco's empty 200 body stays empty for its clients.</summary>
    private static void AddGrantHeaders(HttpResponse response, LockHolder holder)
    {
        response.Headers["X-Fencing-Token"] = holder.FencingToken.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-Lock-Handle"] = holder.Handle;
    }

    /// <summary>Forcing is an admin operation once the sync API asks for credentials (401, as esoco's client accepts no 403).</summary>
    private static bool MayForce(HttpContext http, CredentialsModeResolver modes) =>
        !modes.RequiresCredentials(RestSurface.EsocoSync) || http.User.IsInRole(AkkaLocksRoles.Admin);

    /// <summary>An authenticated caller's locks answer to that user only, on every surface.</summary>
    private static string? UserOf(HttpContext http) => http.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : null;

    private static string? ClientAddress(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        return address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4().ToString() : address?.ToString();
    }

    private static InvalidOperationException UnexpectedReply(LockReply reply) => new($"Unexpected engine reply {reply.GetType().Name}.");
}
