using Microsoft.Data.Sqlite;

namespace AkkaLocks.Persistence.Sqlite;

/// <summary>
/// The writer connection's statements, each prepared once and reused with new parameter values: the writer runs the same
/// handful of statements thousands of times a second, and parsing them anew each time would cost more than the inserts.
/// Used by the writer's thread only.
/// </summary>
internal sealed class WriterStatements(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    /// <summary>The transaction of the batch being written; every statement runs in it.</summary>
    public SqliteTransaction? Transaction { get; set; }

    /// <summary>
    /// Runs a statement. A statement's call site passes its parameters in the same order each time, so they are set by
    /// position, checked by name (the same literal: a reference comparison); looking each up by name is a linear search,
    /// thousands of times a second.
    /// </summary>
    public int Execute(string sql, params ReadOnlySpan<(string Name, object Value)> parameters)
    {
        var command = Prepared(sql);
        var bound = command.Parameters;
        for (var i = 0; i < parameters.Length; i++)
        {
            var (name, value) = parameters[i];
            if (i < bound.Count && ReferenceEquals(bound[i].ParameterName, name)) bound[i].Value = value;
            else if (bound.Contains(name)) bound[name].Value = value;
            else bound.AddWithValue(name, value);
        }
        return command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in _prepared.Values) command.Dispose();
        _prepared.Clear();
    }

    private SqliteCommand Prepared(string sql)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _prepared[sql] = command;
        }
        command.Transaction = Transaction;
        return command;
    }
}
