using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AkkaLocks.Persistence.Sqlite;

/// <summary>
/// The writer connection's statements, each prepared once and reused with new parameter values: the writer runs the same
/// handful of statements thousands of times a second, and parsing them anew each time would cost more than the inserts.
/// They run on SQLite's own API (SQLitePCL, under Microsoft.Data.Sqlite), inside whatever transaction the connection has
/// open: a command of Microsoft.Data.Sqlite allocated a binder per parameter, a data reader and an enumerator for every
/// execution, about a tenth of all the bytes a lock's acquire and release allocate. Used by the writer's thread only.
/// </summary>
internal sealed class WriterStatements(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, Prepared> _prepared = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs a statement to completion and returns the rows it changed. A statement's call site passes its parameters in
    /// the same order each time, so their positions are looked up by name once, at the first run.
    /// A failure throws <see cref="SqliteException"/>, as Microsoft.Data.Sqlite does.
    /// </summary>
    public int Execute(string sql, params ReadOnlySpan<(string Name, SqlValue Value)> parameters)
    {
        var prepared = PreparedFor(sql, parameters);
        var statement = prepared.Statement;
        try
        {
            for (var i = 0; i < parameters.Length; i++) Check(parameters[i].Value.BindTo(statement, prepared.Positions[i]));
            int result;
            while ((result = raw.sqlite3_step(statement)) == raw.SQLITE_ROW) { }
            Check(result);
            return raw.sqlite3_changes(connection.Handle);
        }
        finally
        {
            raw.sqlite3_reset(statement);   // ready for the next run, and no statement left open across a commit
        }
    }

    public void Dispose()
    {
        foreach (var prepared in _prepared.Values) prepared.Statement.Dispose();
        _prepared.Clear();
    }

    private Prepared PreparedFor(string sql, ReadOnlySpan<(string Name, SqlValue Value)> parameters)
    {
        if (_prepared.TryGetValue(sql, out var prepared)) return prepared;
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement));
        var positions = new int[parameters.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = raw.sqlite3_bind_parameter_index(statement, parameters[i].Name);
            if (positions[i] == 0) throw new ArgumentException($"The statement has no parameter {parameters[i].Name}: {sql}", nameof(parameters));
        }
        return _prepared[sql] = new Prepared(statement, positions);
    }

    private void Check(int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE)) SqliteException.ThrowExceptionForRC(result, connection.Handle);
    }

    private sealed record Prepared(sqlite3_stmt Statement, int[] Positions);
}
