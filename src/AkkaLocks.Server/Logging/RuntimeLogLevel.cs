
namespace AkkaLocks.Server.Logging;

/// <summary>
/// The service's default log level, changeable while it runs (esoco's /api/control/log_level).
/// It overrides <c>Logging:LogLevel:Default</c> through a configuration source of its own, added last,
/// so .NET logging reloads its filters while per-category rules in appsettings.json keep working;
/// Akka's log bus follows through <see cref="Changed"/>.
/// </summary>
public sealed class RuntimeLogLevel
{
    private const string DefaultLevelKey = "Logging:LogLevel:Default";
    private readonly Source _source = new();
    private readonly IConfiguration _configuration;

    public RuntimeLogLevel(IConfigurationBuilder configuration)
    {
        configuration.Add(_source);
        _configuration = (IConfiguration)configuration;
    }

    public LogLevel Minimum =>
        Enum.TryParse<LogLevel>(_configuration[DefaultLevelKey], ignoreCase: true, out var level) ? level : LogLevel.Information;

    /// <summary>Raised after the level changed, so Akka's log bus can follow.</summary>
    public event Action<LogLevel>? Changed;

    public void Set(LogLevel level)
    {
        _source.Provider.Set(DefaultLevelKey, level.ToString());
        _source.Provider.Reload();
        Changed?.Invoke(level);
    }

    /// <summary>Akka's nearest level: Akka has no trace and no critical.</summary>
    public static Akka.Event.LogLevel ToAkka(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => Akka.Event.LogLevel.DebugLevel,
        LogLevel.Information => Akka.Event.LogLevel.InfoLevel,
        LogLevel.Warning => Akka.Event.LogLevel.WarningLevel,
        _ => Akka.Event.LogLevel.ErrorLevel,
    };

    private sealed class Source : IConfigurationSource
    {
        public ReloadableProvider Provider { get; } = new();

        public IConfigurationProvider Build(IConfigurationBuilder builder) => Provider;
    }

    private sealed class ReloadableProvider : ConfigurationProvider
    {
        public void Reload() => OnReload();
    }
}
