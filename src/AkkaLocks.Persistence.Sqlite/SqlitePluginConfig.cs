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
}
