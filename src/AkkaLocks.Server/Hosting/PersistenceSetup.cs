using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace AkkaLocks.Server.Hosting;

/// <summary>Picks the journal's HOCON file and connection string from <see cref="PersistenceSettings"/>.</summary>
internal static class PersistenceSetup
{
    public static string HoconFileName(PersistenceSettings settings) => Provider(settings) switch
    {
        "sqlite" => "persistence.sqlite.conf",
        "postgresql" => "persistence.postgresql.conf",
        var other => throw new InvalidOperationException(
            $"AkkaLocks:Persistence:Provider '{other}' is not supported; use 'sqlite' or 'postgresql'."),
    };

    /// <summary>The connection string of both plugins of the provider, as HOCON (JSON string syntax is valid HOCON).</summary>
    public static string ConnectionHocon(PersistenceSettings settings, string connectionString)
    {
        var plugin = Provider(settings) == "sqlite" ? "akkalocks-sqlite" : "sql";
        var quoted = JsonSerializer.Serialize(connectionString);
        return $"""
            akka.persistence.journal.{plugin}.connection-string = {quoted}
            akka.persistence.snapshot-store.{plugin}.connection-string = {quoted}
            """;
    }

    public static bool IsPostgreSql(PersistenceSettings settings) => Provider(settings) == "postgresql";

    /// <summary>The journal's connection string; for SQLite, the database file is prepared on the way.</summary>
    public static string ConnectionString(AkkaLocksServerOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Persistence.ConnectionString)) return options.Persistence.ConnectionString;
        if (Provider(options.Persistence) != "sqlite")
            throw new InvalidOperationException("AkkaLocks:Persistence:ConnectionString is required for PostgreSQL.");
        return PrepareSqliteFile(options.DataDirectory);
    }

    /// <summary>
    /// Creates the data directory and switches the database to write-ahead logging, which lets readers
    /// and the one writer work at once; SQLite keeps that mode in the file. Synchronous stays FULL, so
    /// a commit (and so an acknowledged lock change) survives a crash.
    /// </summary>
    private static string PrepareSqliteFile(string dataDirectory)
    {
        var directory = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(directory);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, "akkalocks.db"),
            DefaultTimeout = 30,
        }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
        return connectionString;
    }

    private static string Provider(PersistenceSettings settings) => settings.Provider.Trim().ToLowerInvariant();
}
