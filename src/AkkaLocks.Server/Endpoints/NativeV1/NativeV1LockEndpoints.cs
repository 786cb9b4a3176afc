using AkkaLocks.Contracts;
using AkkaLocks.Core;
using AkkaLocks.Engine;
using AkkaLocks.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AkkaLocks.Server.Endpoints.NativeV1;

/// <summary>
/// One lock as a resource: acquire (PUT), read (GET), extend, release or force-release (DELETE), and fence checks.
/// The authenticated user (null when anonymous) goes to the engine with every holder's operation: a lock taken by a
/// user answers only to that user, even to someone else presenting its handle.
/// </summary>
internal static class NativeV1LockEndpoints
{
    public static void MapLockEndpoints(this RouteGroupBuilder v1)
    {
        var lockRoute = v1.MapGroup("/locks/{context}/{name}");
        lockRoute.MapPut("", AcquireAsync).WithName("AcquireLock").RequireAuthorization(AccessPolicies.V1Lock)
            .WithSummary("Acquire a lock, optionally waiting in its FIFO queue")
            .ProducesProblem(StatusCodes.Status423Locked).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        lockRoute.MapGet("", ReadAsync).WithName("GetLock").RequireAuthorization(AccessPolicies.V1Read)
            .WithSummary("Read a held lock: holder, fencing token, remaining TTL, data and waiters");
        lockRoute.MapPost("/extend", ExtendAsync).WithName("ExtendLock").RequireAuthorization(AccessPolicies.V1Lock)
            .WithSummary("Restart the holder's TTL from now");
        lockRoute.MapDelete("", ReleaseAsync).WithName("ReleaseLock").RequireAuthorization(AccessPolicies.V1Lock)
            .AddEndpointFilter<NativeV1ForceAuthorization>()
            .WithSummary("Release a lock by its handle, or force-release it (admin) with force=true");
        lockRoute.MapGet("/fence/{token}", CheckFenceAsync).WithName("CheckFencingToken").RequireAuthorization(AccessPolicies.V1Lock)
            .WithSummary("Whether a fencing token is still the current holder's (Chubby's CheckSequencer)");
    }

    private static async Task<Results<Ok<LockGrant>, ProblemHttpResult>> AcquireAsync(
        string context, string name, AcquireLockRequest body, HttpContext http, ILockEngine engine, CancellationToken cancellationToken)
    {
        if (!LockKey.TryCreate(context, name, out var key, out var error)) return NativeV1Problems.BadRequest(error!);
        if (!NativeV1Mapping.TryReadData(body.Data, out var data, out error)) return NativeV1Problems.BadRequest(error!);
        var request = new AcquireRequest(
            body.Owner, NativeV1Mapping.Duration(body.TtlMs), data, http.Connection.RemoteIpAddress?.ToString(),
            User: AuthenticatedUser.NameOf(http.User), Wait: NativeV1Mapping.Duration(body.WaitMs), RequestId: body.RequestId);

        var reply = await engine.AcquireAsync(key, request, cancellationToken);
        return reply switch
        {
            Granted granted => TypedResults.Ok(NativeV1Mapping.GrantOf(key, granted.Holder)),
            Busy busy => NativeV1Problems.Locked(key, busy),
            GrantEnded ended => NativeV1Problems.GrantEnded(ended),
            NotHeld => NativeV1Problems.Conflict($"The lock {key} was freed while the request waited; try again."),
            Rejected rejected => NativeV1Problems.BadRequest(rejected.Reason),
            OwnerLimitReached limit => NativeV1Problems.OwnerLimitReached(limit),
            _ => throw NativeV1Problems.Unexpected(reply),
        };
    }

    private static async Task<Results<Ok<LockInfo>, ProblemHttpResult>> ReadAsync(
        string context, string name, ILockEngine engine, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!LockKey.TryCreate(context, name, out var key, out var error)) return NativeV1Problems.BadRequest(error!);
        var status = await engine.InspectAsync(key, cancellationToken);
        var now = time.GetUtcNow();
        return status.Holder is { } holder && holder.IsLiveAt(now)
            ? TypedResults.Ok(NativeV1Mapping.InfoOf(key, holder, now, status.Waiters ?? []))
            : NativeV1Problems.NotFound($"The lock {key} is free.");
    }

    private static async Task<Results<Ok<LockGrant>, ProblemHttpResult>> ExtendAsync(
        string context, string name, ExtendLockRequest body, HttpContext http, ILockEngine engine, CancellationToken cancellationToken)
    {
        if (!LockKey.TryCreate(context, name, out var key, out var error)) return NativeV1Problems.BadRequest(error!);
        var ttl = NativeV1Mapping.Duration(body.TtlMs) ?? TimeSpan.Zero;
        var reply = await engine.ExtendAsync(key, body.Handle, ttl, AuthenticatedUser.NameOf(http.User), cancellationToken);
        return reply switch
        {
            Extended extended => TypedResults.Ok(NativeV1Mapping.GrantOf(key, extended.Holder)),
            NotHeld => NativeV1Problems.Conflict($"That handle no longer holds the lock {key}."),
            Rejected rejected => NativeV1Problems.BadRequest(rejected.Reason),
            _ => throw NativeV1Problems.Unexpected(reply),
        };
    }

    /// <summary>
    /// DELETE with <c>handle</c> releases as the holder (409 when that handle no longer holds it); with <c>force=true</c>
    /// whoever holds it (<see cref="NativeV1ForceAuthorization"/> has checked the caller may).
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ReleaseAsync(
        string context, string name, [FromQuery] string? handle, [FromQuery] bool? force, HttpContext http, ILockEngine engine, CancellationToken cancellationToken)
    {
        if (!LockKey.TryCreate(context, name, out var key, out var error)) return NativeV1Problems.BadRequest(error!);
        if (force == true)
        {
            return await engine.ForceReleaseAsync(key, ForceReleaseReason.Admin, cancellationToken) switch
            {
                Released => TypedResults.NoContent(),
                NotHeld => NativeV1Problems.NotFound($"The lock {key} is free."),
                var reply => throw NativeV1Problems.Unexpected(reply),
            };
        }
        if (string.IsNullOrEmpty(handle)) return NativeV1Problems.BadRequest("A release needs the lock's handle (or force=true, for an admin).");

        return await engine.ReleaseAsync(key, ReleaseLock.ByHandle(handle, AuthenticatedUser.NameOf(http.User)), cancellationToken) switch
        {
            Released => TypedResults.NoContent(),
            NotHeld => NativeV1Problems.Conflict($"That handle no longer holds the lock {key}."),
            Rejected rejected => NativeV1Problems.BadRequest(rejected.Reason),
            var reply => throw NativeV1Problems.Unexpected(reply),
        };
    }

    private static async Task<Results<Ok<FenceCheck>, ProblemHttpResult>> CheckFenceAsync(
        string context, string name, string token, ILockEngine engine, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!LockKey.TryCreate(context, name, out var key, out var error)) return NativeV1Problems.BadRequest(error!);
        if (!long.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var fencingToken))
            return NativeV1Problems.BadRequest("The fencing token must be a non-negative integer.");
        var status = await engine.InspectAsync(key, cancellationToken);
        var current = status.Holder is { } holder && holder.IsLiveAt(time.GetUtcNow()) ? holder.FencingToken : (long?)null;
        return TypedResults.Ok(new FenceCheck(key.Context, key.Name, fencingToken, current == fencingToken, current));
    }
}
