namespace AkkaLocks.EndToEnd.Tests.Postgres;

/// <summary>
/// One private PostgreSQL server for every test class in this collection (one initdb per test run, not per
/// test); each test takes a fresh database from it with <see cref="PostgresServer.CreateDatabaseAsync"/>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
