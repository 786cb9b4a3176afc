using System.Text.Json;

namespace AkkaLocks.LoadGen;

/// <summary>One JSON line per scenario, appended, for tools that track the figures across runs.</summary>
internal static class JsonLinesReport
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task AppendAsync(string path, string runId, ScenarioResult result, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var line = JsonSerializer.Serialize(new { run = runId, cores = Environment.ProcessorCount, result }, Options);
        await File.AppendAllTextAsync(path, line + "\n", cancellationToken);
    }
}
