using Microsoft.Data.Sqlite;

namespace AkkaLocks.Persistence.Sqlite.Tests;

/// <summary>The writer's statements bind values through SQLite's own API: each kind must arrive as Microsoft.Data.Sqlite would store it.</summary>
public sealed class WriterStatementsTests : IDisposable
{
    private const string Insert = "INSERT INTO t (id, text_value, blob_value, int_value) VALUES ($id, $text, $blob, $int)";
    private readonly TempDatabase _database = new();
    private readonly SqliteConnection _connection;
    private readonly WriterStatements _statements;

    public WriterStatementsTests()
    {
        _connection = new SqliteConnection(_database.ConnectionString);
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, text_value TEXT, blob_value BLOB, int_value INTEGER)";
        create.ExecuteNonQuery();
        _statements = new WriterStatements(_connection);
    }

    [Theory]
    [InlineData("lock-invoice-42")]
    [InlineData("ünïcødé ✓ 🔒")]
    [InlineData("")]
    public void Text_is_stored_as_given_and_empty_text_is_not_null(string text)
    {
        _statements.Execute(Insert, ("$id", 1L), ("$text", text), ("$blob", new byte[] { 1 }), ("$int", 0L));

        Assert.Equal(text, Read("SELECT text_value FROM t WHERE id = 1"));
    }

    [Fact]
    public void Blobs_and_integers_are_stored_as_given_and_an_empty_blob_is_not_null()
    {
        _statements.Execute(Insert, ("$id", 1L), ("$text", "a"), ("$blob", new byte[] { 0, 255, 7 }), ("$int", long.MaxValue));
        _statements.Execute(Insert, ("$id", 2L), ("$text", "b"), ("$blob", Array.Empty<byte>()), ("$int", long.MinValue));

        Assert.Equal(new byte[] { 0, 255, 7 }, Read("SELECT blob_value FROM t WHERE id = 1"));
        Assert.Equal(Array.Empty<byte>(), Read("SELECT blob_value FROM t WHERE id = 2"));
        Assert.Equal(long.MaxValue, Read("SELECT int_value FROM t WHERE id = 1"));
        Assert.Equal(long.MinValue, Read("SELECT int_value FROM t WHERE id = 2"));
    }

    [Fact]
    public void A_statement_runs_again_with_new_values_and_a_failed_run_throws_a_SqliteException()
    {
        _statements.Execute(Insert, ("$id", 1L), ("$text", "first"), ("$blob", new byte[] { 1 }), ("$int", 1L));

        var duplicate = Assert.Throws<SqliteException>(() => _statements.Execute(Insert, ("$id", 1L), ("$text", "again"), ("$blob", new byte[] { 1 }), ("$int", 1L)));
        Assert.Equal(19, duplicate.SqliteErrorCode);   // SQLITE_CONSTRAINT
        Assert.Equal(1, _statements.Execute(Insert, ("$id", 2L), ("$text", "second"), ("$blob", new byte[] { 2 }), ("$int", 2L)));
        Assert.Equal("second", Read("SELECT text_value FROM t WHERE id = 2"));
        Assert.Equal(2L, Read("SELECT COUNT(*) FROM t"));
    }

    public void Dispose()
    {
        _statements.Dispose();
        _connection.Dispose();
        _database.Dispose();
    }

    private object? Read(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() is var value and not DBNull ? value : null;
    }
}
