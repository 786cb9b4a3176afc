namespace AkkaLocks.EndToEnd.Tests.Postgres;

/// <summary>
/// A fact that needs PostgreSQL 15. Without it the test is skipped, saying so; with <c>CI=true</c> it runs
/// and fails with <see cref="PostgresBinaries.MissingMessage"/> (from <see cref="PostgresServer"/>), so CI
/// never passes by skipping.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!PostgresBinaries.Available && !PostgresBinaries.Required) Skip = PostgresBinaries.MissingMessage;
    }
}
