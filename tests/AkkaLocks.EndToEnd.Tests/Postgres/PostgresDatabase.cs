namespace AkkaLocks.EndToEnd.Tests.Postgres;

/// <summary>An empty database of the test's own on <see cref="PostgresServer"/>, and how to reach it (user postgres, trust auth).</summary>
public sealed record PostgresDatabase(string Name, string ConnectionString);
