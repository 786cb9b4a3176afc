using Microsoft.Data.Sqlite;

namespace AkkaLocks.Persistence.Sqlite.Tests;

/// <summary>A database file of the test's own, deleted afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "akkalocks-journal-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public TempDatabase()
    {
        Directory.CreateDirectory(_directory);
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "akkalocks.db"), Pooling = false }.ToString();
    }

    public string ConnectionString { get; }

    /// <summary>The write-ahead log's folder beside the database file.</summary>
    public string LogFolder => Path.Combine(_directory, "akkalocks.db.log");

    /// <summary>The plugins of this file, as hocon/persistence.sqlite.conf configures them for the server.</summary>
    public string Hocon => $$"""
        akka.persistence.journal {
          plugin = "akka.persistence.journal.akkalocks-sqlite"
          akkalocks-sqlite {
            class = "AkkaLocks.Persistence.Sqlite.SqliteJournal, AkkaLocks.Persistence.Sqlite"
            plugin-dispatcher = "akka.actor.default-dispatcher"
            connection-string = "{{ConnectionString}}"
          }
        }
        akka.persistence.snapshot-store {
          plugin = "akka.persistence.snapshot-store.akkalocks-sqlite"
          akkalocks-sqlite {
            class = "AkkaLocks.Persistence.Sqlite.SqliteSnapshotStore, AkkaLocks.Persistence.Sqlite"
            plugin-dispatcher = "akka.actor.default-dispatcher"
            connection-string = "{{ConnectionString}}"
          }
        }
        """;

    public long Scalar(string sql)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
