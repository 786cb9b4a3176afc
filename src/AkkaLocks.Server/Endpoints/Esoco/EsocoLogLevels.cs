namespace AkkaLocks.Server.Endpoints.Esoco;

/// <summary>esoco's log level names (Log4j's) and the .NET levels they stand for.</summary>
internal static class EsocoLogLevels
{
    private static readonly (string Name, LogLevel Level)[] Levels =
    [
        ("TRACE", LogLevel.Trace),
        ("DEBUG", LogLevel.Debug),
        ("INFO", LogLevel.Information),
        ("WARN", LogLevel.Warning),
        ("ERROR", LogLevel.Error),
        ("FATAL", LogLevel.Critical),
    ];

    /// <summary>The level named (in any case), or null when esoco has no such level.</summary>
    public static LogLevel? Parse(string name) =>
        Levels.Where(l => string.Equals(l.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)).Select(l => (LogLevel?)l.Level).FirstOrDefault();

    public static string NameOf(LogLevel level) =>
        Levels.Where(l => l.Level >= level).Select(l => l.Name).FirstOrDefault() ?? "FATAL";
}
