using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AkkaLocks.Core;
using AkkaLocks.Engine.Events;
using AkkaLocks.Server.Auth;

namespace AkkaLocks.Server.Endpoints.Dms;

/// <summary>
/// /eventstreamsrpc, read side only: the queues of DMS locks (named by GetExclusiveLockQueueName), read from
/// the engine's <see cref="ILockEventLog"/> with a long poll. No method writes to a lock queue.
/// </summary>
public static class EventStreamsMethods
{
    public const int MinTimeoutSeconds = 5;
    public const int MaxTimeoutSeconds = 600;
    public const int MaxMessageCount = 1000;

    private static readonly string[] Readers = [AkkaLocksRoles.EventRead, AkkaLocksRoles.Monitor];

    public static readonly FrozenDictionary<string, RpcMethod> Table = RpcMethodTable.Of(
        DmsSessionMethods.Login,
        DmsSessionMethods.RefreshToken,
        new("DequeueMessage", ["token", "queueName", "lastKnownId", "timeoutSec"], c => DequeueAsync(c, 1, 3)),
        new("DequeueMultipleMessage", ["token", "queueName", "lastKnownId", "maxMessageCount", "timeoutSec"], DequeueMultipleAsync),
        new("GetQueueSize", ["token", "queueName"], GetQueueSizeAsync),
        new("GetNextMessageByTimestamp", ["token", "queueName", "timestamp", "isUTC"], GetNextByTimestampAsync) { Required = 3 });

    private static Task<JsonNode?> DequeueMultipleAsync(RpcCall call)
    {
        var max = call.Params.Integer(3);
        if (max < 1 || max > MaxMessageCount)
            throw JsonRpcException.InvalidParams($"maxMessageCount must be between 1 and {MaxMessageCount}.");
        return DequeueAsync(call, (int)max, 4);
    }

    /// <summary><c>{"data": [messages]}</c> once there is at least one after lastKnownId, or <c>{"timeout": true}</c>.</summary>
    private static async Task<JsonNode?> DequeueAsync(RpcCall call, int max, int timeoutIndex)
    {
        var key = LockOf(call);
        var from = Cursor(call, 2);
        var timeout = call.Params.Integer(timeoutIndex);
        if (timeout < MinTimeoutSeconds || timeout > MaxTimeoutSeconds)
            throw JsonRpcException.InvalidParams($"timeoutSec must be between {MinTimeoutSeconds} and {MaxTimeoutSeconds}.");
        var events = await call.Service<ILockEventLog>().ReadAsync(key, from, max, TimeSpan.FromSeconds(timeout), call.Aborted);
        return events.Count == 0 ? new JsonObject { ["timeout"] = true } : Data(events);
    }

    private static async Task<JsonNode?> GetQueueSizeAsync(RpcCall call) =>
        await call.Service<ILockEventLog>().CountAsync(LockOf(call), call.Aborted);

    /// <summary>The first kept message created at or after the timestamp (ISO 8601), as <c>{"data": [0 or 1 message]}</c>; no waiting.</summary>
    private static async Task<JsonNode?> GetNextByTimestampAsync(RpcCall call)
    {
        var key = LockOf(call);
        var isUtc = !call.Params.Has(3) || call.Params.Boolean(3);
        if (!DateTimeOffset.TryParse(call.Params.String(2), CultureInfo.InvariantCulture,
                isUtc ? DateTimeStyles.AssumeUniversal : DateTimeStyles.AssumeLocal, out var at))
            throw call.Params.WrongType(2, "an ISO 8601 date and time");
        var events = await call.Service<ILockEventLog>().ReadAsync(key, LockEventCursor.Since(at), 1, TimeSpan.Zero, call.Aborted);
        return Data(events);
    }

    private static JsonObject Data(IReadOnlyList<LockEventRecord> events) =>
        new() { ["data"] = new JsonArray([.. events.Select(e => (JsonNode)DmsEventMessages.ToMessage(e))]) };

    /// <summary>The token's user must read events; the queue must be a lock's queue.</summary>
    private static LockKey LockOf(RpcCall call)
    {
        DmsSession.RequireUser(call, 0, Readers);
        if (!DmsQueueNames.TryParse(call.Params.String(1), out var identifier))
            throw JsonRpcException.InvalidParams($"Unknown queue: only lock queues ({DmsQueueNames.Prefix}<identifier>, from GetExclusiveLockQueueName) are served here.");
        return DmsSession.KeyOf(call, identifier);
    }

    /// <summary><c>__first__</c>, <c>__last__</c>, or a message id (as a string or a number).</summary>
    private static LockEventCursor Cursor(RpcCall call, int index)
    {
        var raw = call.Params.Raw(index);
        if (raw is { ValueKind: JsonValueKind.Number } number && number.TryGetInt64(out var numericId)) return LockEventCursor.After(numericId);
        if (raw is not { ValueKind: JsonValueKind.String } text) throw call.Params.WrongType(index, "a message id, \"__first__\" or \"__last__\"");
        return text.GetString() switch
        {
            "__first__" => LockEventCursor.First,
            "__last__" => LockEventCursor.Last,
            var id when long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => LockEventCursor.After(parsed),
            _ => throw call.Params.WrongType(index, "a message id, \"__first__\" or \"__last__\""),
        };
    }
}
