using System.Globalization;
using System.Text.Json.Nodes;
using AkkaLocks.Core;
using AkkaLocks.Engine.Events;

namespace AkkaLocks.Server.Endpoints.Dms;

/// <summary>
/// A lock transition as a DMSContainer queue message: <c>{"messageid", "message": {"action", ...}, "createdatutc"}</c>.
/// Release, expiry and force-release all read <c>lock_released</c> (what waiting clients look for), with a
/// <c>reason</c> telling them apart.
/// </summary>
public static class DmsEventMessages
{
    public static JsonObject ToMessage(LockEventRecord record)
    {
        var e = record.Event;
        var message = new JsonObject
        {
            ["action"] = Action(e),
            ["identifier"] = e.Key.Name,
            ["owner"] = e.Owner,
            ["fencing_token"] = e.FencingToken,
            ["timestamp"] = Timestamp(e.At),
        };
        if (Reason(e) is { } reason) message["reason"] = reason;
        if (e is LockAcquired { ExpiresAt: { } acquiredUntil }) message["expires_at"] = Timestamp(acquiredUntil);
        if (e is LockExtended extended) message["expires_at"] = Timestamp(extended.ExpiresAt);
        return new JsonObject
        {
            ["messageid"] = record.Id.ToString(CultureInfo.InvariantCulture),
            ["message"] = message,
            ["createdatutc"] = Timestamp(e.At),
        };
    }

    private static string Action(LockEvent e) => e switch
    {
        LockAcquired => "lock_acquired",
        LockExtended => "lock_extended",
        _ => "lock_released",
    };

    private static string? Reason(LockEvent e) => e switch
    {
        LockReleased => "released",
        LockExpired => "expired",
        LockForceReleased f => f.Reason == ForceReleaseReason.TakeOver ? "taken_over" : "force_released",
        _ => null,
    };

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
