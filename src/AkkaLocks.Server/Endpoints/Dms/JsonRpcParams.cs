using System.Text.Json;

namespace AkkaLocks.Server.Endpoints.Dms;

/// <summary>
/// A call's parameters, given by position (DMSContainer's proxies) or by name (older clients, any case),
/// bound against the method's declared names; every wrong count, name or type is -32602.
/// </summary>
public sealed class JsonRpcParams
{
    private readonly JsonElement?[] _values;

    private JsonRpcParams(JsonElement?[] values) => _values = values;

    /// <summary>Binds <paramref name="raw"/> (array, object or absent) to <paramref name="names"/>; the first <paramref name="required"/> must be present.</summary>
    public static JsonRpcParams Bind(JsonElement? raw, IReadOnlyList<string> names, int required)
    {
        var values = new JsonElement?[names.Count];
        if (raw is { ValueKind: JsonValueKind.Array } array)
        {
            var count = array.GetArrayLength();
            if (count < required || count > names.Count)
                throw JsonRpcException.InvalidParams(CountMessage(names, required, count));
            var i = 0;
            foreach (var item in array.EnumerateArray()) values[i++] = item;
        }
        else if (raw is { ValueKind: JsonValueKind.Object } named)
        {
            foreach (var property in named.EnumerateObject())
            {
                var index = IndexOf(names, property.Name);
                if (index < 0) throw JsonRpcException.InvalidParams($"Unknown parameter '{property.Name}'; expected {string.Join(", ", names)}.");
                values[index] = property.Value;
            }
            var missing = names.Take(required).Where((_, i) => values[i] is null).ToList();
            if (missing.Count > 0) throw JsonRpcException.InvalidParams($"Missing parameter(s): {string.Join(", ", missing)}.");
        }
        else if (required > 0)
        {
            throw JsonRpcException.InvalidParams(CountMessage(names, required, 0));
        }
        return new JsonRpcParams(values) { Names = names };
    }

    public IReadOnlyList<string> Names { get; private init; } = [];

    public bool Has(int index) => _values[index] is { ValueKind: not JsonValueKind.Null };

    public string String(int index) =>
        _values[index] is { ValueKind: JsonValueKind.String } v ? v.GetString()! : throw WrongType(index, "a string");

    public long Integer(int index) =>
        _values[index] is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out var n) ? n : throw WrongType(index, "an integer");

    public bool Boolean(int index) =>
        _values[index] is { ValueKind: JsonValueKind.True or JsonValueKind.False } v ? v.GetBoolean() : throw WrongType(index, "true or false");

    /// <summary>A JSON object, or null when absent or null.</summary>
    public JsonElement? ObjectOrNull(int index) => _values[index] switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.Object } v => v,
        _ => throw WrongType(index, "a JSON object"),
    };

    /// <summary>The raw value (string or number), for parameters that accept either.</summary>
    public JsonElement? Raw(int index) => _values[index];

    public JsonRpcException WrongType(int index, string expected) =>
        JsonRpcException.InvalidParams($"Parameter '{Names[index]}' must be {expected}.");

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
            if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    private static string CountMessage(IReadOnlyList<string> names, int required, int count) =>
        $"Expected {(required == names.Count ? $"{required}" : $"{required} to {names.Count}")} parameters ({string.Join(", ", names)}), got {count}.";
}
