using System.Text.Json;
using AkkaLocks.Contracts;
using AkkaLocks.Core;

namespace AkkaLocks.Server.Endpoints.NativeV1;

/// <summary>From the model to the v1 wire records and back: durations in ms, instants for display, data as JSON.</summary>
internal static class NativeV1Mapping
{
    // Beyond this, a duration is refused by the model's limits anyway; clamping keeps TimeSpan from overflowing.
    private const long MaxMs = 400L * 24 * 60 * 60 * 1000;

    /// <summary>A duration in ms; out-of-range values stay out of range (for the model to refuse) without overflowing.</summary>
    public static TimeSpan? Duration(long? ms) => ms is { } v ? TimeSpan.FromMilliseconds(Math.Clamp(v, -1, MaxMs)) : null;

    public static long? Ms(TimeSpan? span) => span is { } s ? (long)s.TotalMilliseconds : null;

    /// <summary>Lock data must be a JSON object; null when absent, an error when it is something else.</summary>
    public static bool TryReadData(JsonElement? data, out string? json, out string? error)
    {
        (json, error) = (null, null);
        if (data is not { } element || element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return true;
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = "The lock data must be a JSON object.";
            return false;
        }
        json = element.GetRawText();
        return true;
    }

    public static JsonElement? Data(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();

    public static LockGrant GrantOf(LockKey key, LockHolder h) =>
        new(key.Context, key.Name, h.Owner, h.Handle, h.FencingToken, Ms(h.Ttl), h.ExpiresAt, Data(h.Data));

    public static LockInfo InfoOf(LockKey key, LockHolder h, DateTimeOffset now, IReadOnlyList<WaiterView>? waiters = null) =>
        new(key.Context, key.Name, h.Owner, h.FencingToken, h.AcquiredAt, Ms(h.Ttl), Ms(h.RemainingAt(now)), h.ExpiresAt, Data(h.Data),
            waiters?.Select(w => new LockWaiter(w.Owner, w.QueuedAt, Math.Max(0, Ms(w.Deadline - now)!.Value))).ToList());

    public static LockHolderSummary SummaryOf(LockHolder h) => new(h.Owner, h.FencingToken, h.AcquiredAt, h.ExpiresAt);
}
