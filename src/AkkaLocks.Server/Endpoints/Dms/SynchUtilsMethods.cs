using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using AkkaLocks.Core;
using AkkaLocks.Engine;
using AkkaLocks.Server.Auth;
using Microsoft.Extensions.Options;

namespace AkkaLocks.Server.Endpoints.Dms;

/// <summary>
/// /synchutilsrpc: DMSContainer's SynchUtils methods, translated onto <see cref="ILockEngine"/>. A DMS lock is
/// owned by the user who took it (owner and user are both the user name), so another user's handle changes nothing.
/// </summary>
public static class SynchUtilsMethods
{
    private static readonly string[] LockUsers = [AkkaLocksRoles.Lock];
    private static readonly string[] Readers = [AkkaLocksRoles.Lock, AkkaLocksRoles.Monitor];
    private static readonly string[] Monitors = [AkkaLocksRoles.Monitor];

    public static readonly FrozenDictionary<string, RpcMethod> Table = RpcMethodTable.Of(
        DmsSessionMethods.Login,
        DmsSessionMethods.RefreshToken,
        new("TryAcquireLock", ["token", "lockIdentifier", "lockTTL", "lockData"], TryAcquireLockAsync) { Required = 3 },
        new("ExtendLock", ["token", "lockTTL", "lockHandle"], ExtendLockAsync),
        new("ReleaseLock", ["token", "lockHandle"], ReleaseLockAsync),
        new("GetLockData", ["token", "lockIdentifier"], GetLockDataAsync),
        new("GetLockExpiration", ["token", "lockIdentifier"], GetLockExpirationAsync),
        new("GetExclusiveLockQueueName", ["token", "lockIdentifier"], GetQueueNameAsync),
        new("GetLocks", ["token"], GetLocksAsync));

    /// <summary>A handle string, or "error" when anyone holds the lock (the same user too: calls do not nest).</summary>
    private static async Task<JsonNode?> TryAcquireLockAsync(RpcCall call)
    {
        var user = DmsSession.NameOf(DmsSession.RequireUser(call, 0, LockUsers));
        var identifier = call.Params.String(1);
        var key = DmsSession.KeyOf(call, identifier);
        var ttl = Ttl(call, 2);
        var data = call.Params.ObjectOrNull(3)?.GetRawText();
        if (LockLimits.CheckData(data) is { } tooLarge) throw JsonRpcException.InvalidParams(tooLarge);

        var request = new AcquireRequest(user, ttl, data, ClientAddress(call.Http), User: user);
        return await call.Service<ILockEngine>().AcquireAsync(key, request, call.Aborted) switch
        {
            Granted { AlreadyHeld: false } granted => DmsLockHandle.Encode(identifier, granted.Holder.Handle),
            Granted or Busy => "error",
            Rejected rejected => throw JsonRpcException.InvalidParams(rejected.Reason),
            OwnerLimitReached limit => throw new JsonRpcException(JsonRpcErrorCodes.LimitReached,
                $"The user {limit.Owner} already holds {limit.Limit} locks, the most one owner may hold; release some first."),
            var other => throw Unexpected(other),
        };
    }

    private static async Task<JsonNode?> ExtendLockAsync(RpcCall call)
    {
        var user = DmsSession.NameOf(DmsSession.RequireUser(call, 0, LockUsers));
        var ttl = Ttl(call, 1);
        if (!TryFindLock(call, 2, out var key, out var handle)) return false;
        return await call.Service<ILockEngine>().ExtendAsync(key, handle, ttl, user, call.Aborted) switch
        {
            Extended => true,
            NotHeld => false,
            Rejected rejected => throw JsonRpcException.InvalidParams(rejected.Reason),
            var other => throw Unexpected(other),
        };
    }

    private static async Task<JsonNode?> ReleaseLockAsync(RpcCall call)
    {
        var user = DmsSession.NameOf(DmsSession.RequireUser(call, 0, LockUsers));
        if (!TryFindLock(call, 1, out var key, out var handle)) return false;
        return await call.Service<ILockEngine>().ReleaseAsync(key, ReleaseLock.ByHandle(handle, user), call.Aborted) switch
        {
            Released => true,
            NotHeld => false,
            Rejected rejected => throw JsonRpcException.InvalidParams(rejected.Reason),
            var other => throw Unexpected(other),
        };
    }

    /// <summary>
    /// <c>{"expires_in": seconds, "lock_data": {...}, "fencing_token": n}</c>; expires_in -1 and empty data when nobody
    /// holds the lock. fencing_token is AkkaLocks' addition (DMS clients ignore unknown keys): the holder's grant number,
    /// for guarding writes to the shared resource.
    /// </summary>
    private static async Task<JsonNode?> GetLockDataAsync(RpcCall call)
    {
        var (holder, now) = await InspectAsync(call);
        return new JsonObject
        {
            ["expires_in"] = DmsSession.ExpiresIn(holder, now),
            ["lock_data"] = holder?.Data is { } data ? JsonNode.Parse(data) : new JsonObject(),
            ["fencing_token"] = holder?.FencingToken,
        };
    }

    private static async Task<JsonNode?> GetLockExpirationAsync(RpcCall call)
    {
        var (holder, now) = await InspectAsync(call);
        return DmsSession.ExpiresIn(holder, now);
    }

    private static Task<JsonNode?> GetQueueNameAsync(RpcCall call)
    {
        DmsSession.RequireUser(call, 0, Readers);
        var identifier = call.Params.String(1);
        DmsSession.KeyOf(call, identifier);   // validates the identifier
        return Task.FromResult<JsonNode?>(DmsQueueNames.For(identifier));
    }

    /// <summary><c>{"locks": [{"identifier", "expires_in"}]}</c>: the held locks of the DMS context; admin or monitor only.</summary>
    private static async Task<JsonNode?> GetLocksAsync(RpcCall call)
    {
        DmsSession.RequireUser(call, 0, Monitors);
        var context = call.Service<IOptions<DmsOptions>>().Value.Context;
        var held = await call.Service<ILockEngine>().ListAsync(context, call.Aborted);
        var now = call.Service<TimeProvider>().GetUtcNow();
        var locks = new JsonArray();
        foreach (var l in held)
            locks.Add(new JsonObject { ["identifier"] = l.Key.Name, ["expires_in"] = DmsSession.ExpiresIn(l.Holder, now) });
        return new JsonObject { ["locks"] = locks };
    }

    private static async Task<(LockHolder? Holder, DateTimeOffset Now)> InspectAsync(RpcCall call)
    {
        DmsSession.RequireUser(call, 0, Readers);
        var key = DmsSession.KeyOf(call, call.Params.String(1));
        var status = await call.Service<ILockEngine>().InspectAsync(key, call.Aborted);
        var now = call.Service<TimeProvider>().GetUtcNow();
        return (status.Holder is { } h && h.IsLiveAt(now) ? h : null, now);
    }

    /// <summary>A TTL in whole seconds within the engine's limits.</summary>
    private static TimeSpan Ttl(RpcCall call, int index)
    {
        var seconds = call.Params.Integer(index);
        if (seconds <= 0 || seconds > LockLimits.MaxTtl.TotalSeconds) throw JsonRpcException.InvalidParams(LockLimits.TtlRangeMessage);
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>The lock a wire handle names; false (not an error) for a handle this server never made.</summary>
    private static bool TryFindLock(RpcCall call, int index, out LockKey key, out string handle)
    {
        key = default;
        if (!DmsLockHandle.TryDecode(call.Params.String(index), out var identifier, out handle)) return false;
        key = DmsSession.KeyOf(call, identifier);
        return true;
    }

    private static string? ClientAddress(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        return address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4().ToString() : address?.ToString();
    }

    private static InvalidOperationException Unexpected(LockReply reply) => new($"Unexpected engine reply {reply.GetType().Name}.");
}
