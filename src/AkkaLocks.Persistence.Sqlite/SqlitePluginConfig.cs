using Akka.Configuration;

namespace AkkaLocks.Persistence.Sqlite;

/// <summary>The one setting both plugins read from their HOCON section.</summary>
internal static class SqlitePluginConfig
{
    public static string ConnectionString(Config config) =>
        config.GetString("connection-string", "") is { Length: > 0 } connectionString
            ? connectionString
            : throw new ConfigurationException("The AkkaLocks SQLite journal and snapshot store need a connection-string.");
}
