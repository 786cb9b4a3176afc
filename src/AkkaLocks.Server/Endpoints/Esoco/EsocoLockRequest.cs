using System.Text.Json;
using AkkaLocks.Core;

namespace AkkaLocks.Server.Endpoints.Esoco;

/// <summary>
/// The body of /api/sync/*: <c>{"client", "context", "target", "force"?}</c>, plus AkkaLocks' optional
/// <c>ttl</c> (seconds) and <c>data</c> (a JSON object). A missing <c>force</c> means false.
/// </summary>
internal sealed record EsocoLockRequest(string Client, LockKey Key, bool Force, TimeSpan? Ttl, string? Data)
{
    /// <summary>Parses a body that <see cref="EsocoBody"/> read; the error result is the esoco one (406 or 400).</summary>
    public static EsocoLockRequest? Parse(JsonElement body, out IResult? error)
    {
        error = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            error = EsocoResults.NotAcceptable("The body must be a JSON object.");
            return null;
        }
        string?[] problems =
        [
            ReadString(body, "client", out var client),
            ReadString(body, "context", out var context),
            ReadString(body, "target", out var target),
            ReadForce(body, out var force),
            ReadTtl(body, out var ttl),
            ReadData(body, out var data),
        ];
        // The client id is checked here and not left to the engine: only an acquire reaches the engine's owner
        // rule, so check_lock and a forced release would otherwise accept an empty or oversized id.
        var problem = problems.FirstOrDefault(p => p is not null) ?? OwnerRules.Check(client);
        LockKey key = default;
        if (problem is null) LockKey.TryCreate(context, target, out key, out problem);
        if (problem is not null)
        {
            error = EsocoResults.BadRequest(problem);
            return null;
        }
        return new EsocoLockRequest(client!, key, force, ttl, data);
    }

    private static string? ReadString(JsonElement body, string name, out string? value)
    {
        value = null;
        if (!body.TryGetProperty(name, out var element)) return $"The field '{name}' is missing.";
        if (element.ValueKind != JsonValueKind.String) return $"The field '{name}' must be a string.";
        value = element.GetString();
        return null;
    }

    private static string? ReadForce(JsonElement body, out bool force)
    {
        force = false;
        if (!body.TryGetProperty("force", out var element) || element.ValueKind == JsonValueKind.Null) return null;
        if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return "The field 'force' must be true or false.";
        force = element.GetBoolean();
        return null;
    }

    private static string? ReadTtl(JsonElement body, out TimeSpan? ttl)
    {
        ttl = null;
        if (!body.TryGetProperty("ttl", out var element) || element.ValueKind == JsonValueKind.Null) return null;
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var seconds) || !double.IsFinite(seconds))
            return "The field 'ttl' must be a number of seconds.";
        if (seconds <= 0 || seconds > LockLimits.MaxTtl.TotalSeconds) return LockLimits.TtlRangeMessage;
        ttl = TimeSpan.FromSeconds(seconds);
        return LockLimits.CheckTtl(ttl);
    }

    private static string? ReadData(JsonElement body, out string? data)
    {
        data = null;
        if (!body.TryGetProperty("data", out var element) || element.ValueKind == JsonValueKind.Null) return null;
        if (element.ValueKind != JsonValueKind.Object) return "The field 'data' must be a JSON object.";
        data = element.GetRawText();
        return LockLimits.CheckData(data);
    }
}
