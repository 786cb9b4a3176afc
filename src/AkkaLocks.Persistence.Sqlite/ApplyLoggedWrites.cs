using Microsoft.Data.Sqlite;

namespace AkkaLocks.Persistence.Sqlite;

/// <summary>
/// The requests of one closed log segment, written into the database in one transaction, in the order they were logged.
/// They were acknowledged when logged; a request refused here is one the database already has (a segment read back
/// after a crash that came between its transaction and its deletion), so refusals are not reported.
/// <paramref name="applied"/> is told the outcome on the database writer's thread, before anything else hears of it.
/// </summary>
internal sealed class ApplyLoggedWrites(IReadOnlyList<WriteWork> logged, Action<Exception?>? applied = null) : WriteWork
{
    public override IReadOnlyList<string> PersistenceIds => [.. logged.SelectMany(work => work.PersistenceIds)];

    /// <summary>
    /// Writes all the requests straight through: a savepoint each would double the statements of the usual case, in which
    /// the database has none of them yet. If it has one, all is undone to this request's own savepoint and written again
    /// request by request, each in a savepoint, so only the ones it has are skipped.
    /// </summary>
    protected override void Write(WriterStatements statements)
    {
        try
        {
            foreach (var work in logged) work.WriteWithoutSavepoint(statements);
        }
        catch (SqliteException)
        {
            statements.Execute(RollbackToSavepoint);
            foreach (var work in logged) work.WriteIn(statements);
        }
    }

    protected override void OnCompleted(Exception? failure) => applied?.Invoke(failure);
}
