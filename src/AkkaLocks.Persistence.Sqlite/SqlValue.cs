using SQLitePCL;

namespace AkkaLocks.Persistence.Sqlite;

/// <summary>
/// A statement parameter's value: an integer, a text or a blob, held without boxing and bound straight into SQLite
/// (<see cref="WriterStatements"/>). Every call site of the writer passes one of these three kinds.
/// </summary>
internal readonly struct SqlValue
{
    private readonly long _integer;
    private readonly object? _reference;   // a string or a byte[]; null for an integer

    private SqlValue(long integer, object? reference)
    {
        _integer = integer;
        _reference = reference;
    }

    public static implicit operator SqlValue(long value) => new(value, null);

    public static implicit operator SqlValue(string value) => new(0, value ?? throw new ArgumentNullException(nameof(value)));

    public static implicit operator SqlValue(byte[] value) => new(0, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>
    /// Binds the value to the statement's parameter at <paramref name="index"/> (1-based); SQLite copies it. An empty text
    /// or blob stays empty, not NULL (WriterStatementsTests).
    /// </summary>
    public int BindTo(sqlite3_stmt statement, int index) => _reference switch
    {
        string text => raw.sqlite3_bind_text16(statement, index, text.AsSpan()),
        byte[] blob => raw.sqlite3_bind_blob(statement, index, blob),
        _ => raw.sqlite3_bind_int64(statement, index, _integer),
    };
}
