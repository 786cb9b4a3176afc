using System.Text.Json;

namespace AkkaLocks.Server.Tests.Esoco;

/// <summary>
/// Request bodies written the way esoco's Java client writes them: pretty-printed with one field a line,
/// <c>force</c> only when true, and any AkkaLocks extras (ttl, data) as further raw fields.
/// </summary>
internal static class EsocoJson
{
    public static string Lock(string client, string context, string target, bool force = false, params string[] extraFields)
    {
        var fields = new List<string> { Field("client", client), Field("context", context), Field("target", target) };
        if (force) fields.Add("\"force\": true");
        fields.AddRange(extraFields);
        return "{\n" + string.Join(",\n", fields) + "\n}";
    }

    /// <summary>A JSON string literal, for log levels and for fields a test writes by hand.</summary>
    public static string Quote(string value) => JsonSerializer.Serialize(value);

    private static string Field(string name, string value) => $"\"{name}\": {Quote(value)}";
}
