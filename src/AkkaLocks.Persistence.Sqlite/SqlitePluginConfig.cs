using Akka.Configuration;

namespace AkkaLocks.Persistence.Sqlite;

/// <summary>The settings both plugins read from their HOCON section.</summary>
internal static class SqlitePluginConfig
{
    public static string ConnectionString(Config config) =>
        config.GetString("connection-string", "") is { Length: > 0 } connectionString
            ? connectionString
            : throw new ConfigurationException("The AkkaLocks SQLite journal and snapshot store need a connection-string.");

    /// <summary>
    /// Whether writes are acknowledged once in the write-ahead log (on, the default) or once committed to SQLite (off: slower,
    /// kept for comparison). The first plugin of a database to start decides for both.
    /// </summary>
    public static bool WriteAheadLog(Config config) => config.GetBoolean("write-ahead-log", true);

    /// <summary>
    /// How often the write-ahead log's writes go into SQLite (<see cref="LoggedWriter.DefaultApplyInterval"/>); between
    /// 10 ms and 60 s, so a typo cannot make the database lag without bound or apply a transaction per write.
    /// </summary>
    public static TimeSpan ApplyInterval(Config config)
    {
        var interval = config.GetTimeSpan("apply-interval", LoggedWriter.DefaultApplyInterval);
        return interval >= MinApplyInterval && interval <= MaxApplyInterval
            ? interval
            : throw new ConfigurationException($"apply-interval must be between {MinApplyInterval.TotalMilliseconds} ms and {MaxApplyInterval.TotalSeconds} s; it is {interval}.");
    }

    private static readonly TimeSpan MinApplyInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxApplyInterval = TimeSpan.FromSeconds(60);
}
