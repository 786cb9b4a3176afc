namespace AkkaLocks.Persistence.Sqlite;

/// <summary>
/// The requests of one closed log segment, written into the database in one transaction, in the order they were logged.
/// They were acknowledged when logged; a request refused here is one the database already has (a segment read back
/// after a crash that came between its transaction and its deletion), so refusals are not reported.
/// </summary>
internal sealed class ApplyLoggedWrites(IReadOnlyList<WriteWork> logged) : WriteWork
{
    public IReadOnlyList<WriteWork> Logged => logged;

    public override IEnumerable<string> PersistenceIds => logged.SelectMany(work => work.PersistenceIds);

    protected override void Write(WriterStatements statements)
    {
        foreach (var work in logged) work.WriteIn(statements);
    }
}
