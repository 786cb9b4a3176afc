using System.Text.Json;

namespace AkkaLocks.Cli;

/// <summary>Writes a command's one-line outcome as text, or as a JSON object for scripts.</summary>
internal static class ResultWriter
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void Write(Invocation invocation, string text, object json)
    {
        if (invocation.Format == OutputFormat.Json) invocation.Output.WriteLine(JsonSerializer.Serialize(json, Json));
        else invocation.Output.WriteLine(text);
    }
}
