namespace AkkaLocks.EndToEnd.Tests.Postgres;

/// <summary>The environment that points a server process's journal at a PostgreSQL database.</summary>
public static class PostgresEnvironment
{
    public static Dictionary<string, string> For(PostgresDatabase database, IReadOnlyDictionary<string, string>? more = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["AkkaLocks__Persistence__Provider"] = "postgresql",
            ["AkkaLocks__Persistence__ConnectionString"] = database.ConnectionString,
        };
        foreach (var (name, value) in more ?? new Dictionary<string, string>()) environment[name] = value;
        return environment;
    }
}
