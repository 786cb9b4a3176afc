using System.Net;
using Npgsql;
using static AkkaLocks.EndToEnd.Tests.EsocoCalls;

namespace AkkaLocks.EndToEnd.Tests.Postgres;

/// <summary>The PostgreSQL journal of a real server process: created on first use, and durable across kill -9.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresDurabilityTests(PostgresServer postgres)
{
    [PostgresFact]
    public async Task Journal_tables_are_created_in_an_empty_database()
    {
        var database = await postgres.CreateDatabaseAsync();
        using var data = new TemporaryDirectory();

        await using var server = await ServerProcess.StartAsync(data.Path, environment: PostgresEnvironment.For(database));
        await RequestLockAsync(server, "A", "first", HttpStatusCode.OK);

        var tables = await TablesAsync(database);
        Assert.Contains("journal", tables);
        Assert.Contains("snapshot", tables);
    }

    [PostgresFact]
    public async Task Held_locks_and_fencing_tokens_survive_kill_9_and_a_restart_with_an_empty_data_directory()
    {
        var database = await postgres.CreateDatabaseAsync();
        long cycledToken;
        using (var data = new TemporaryDirectory())
        await using (var server = await ServerProcess.StartAsync(data.Path, environment: PostgresEnvironment.For(database)))
        {
            await RequestLockAsync(server, "A", "held", HttpStatusCode.OK);
            await RequestLockAsync(server, "A", "cycled", HttpStatusCode.OK);
            await ReleaseLockAsync(server, "A", "cycled", HttpStatusCode.OK);
            cycledToken = await RequestLockAsync(server, "A", "cycled", HttpStatusCode.OK);
            await server.KillAsync();
        }

        // A new data directory: everything that comes back came from PostgreSQL.
        using var freshData = new TemporaryDirectory();
        await using var restarted = await ServerProcess.StartAsync(freshData.Path, environment: PostgresEnvironment.For(database));
        var locks = await restarted.Http.GetStringAsync("/api/status/current_locks");

        Assert.Contains("\"held\": \"A[127.0.0.1]", locks);
        Assert.Contains("\"cycled\": \"A[127.0.0.1]", locks);
        await RequestLockAsync(restarted, "B", "cycled", HttpStatusCode.Locked);
        await ReleaseLockAsync(restarted, "A", "cycled", HttpStatusCode.OK);
        Assert.Equal(cycledToken + 1, await RequestLockAsync(restarted, "B", "cycled", HttpStatusCode.OK));
    }

    private static async Task<List<string>> TablesAsync(PostgresDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }
}
