using System.Diagnostics;
using Npgsql;

namespace AkkaLocks.EndToEnd.Tests.Postgres;

/// <summary>
/// A private PostgreSQL 15 server for the test run: <c>initdb</c> into a temp folder, listening on 127.0.0.1 on a
/// free port (its unix socket in that folder too, so it never meets the machine's own server), trust
/// authentication for the loopback user <c>postgres</c>, and fsync left on, as in production. Stopped
/// (<c>pg_ctl stop -m fast</c>) and deleted at dispose (kept, stopped, when AKKALOCKS_KEEP_TEST_DATA is set). Used as an xunit collection fixture
/// (<see cref="PostgresCollection"/>); tests call <see cref="CreateDatabaseAsync"/> for a database of their own.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string Superuser = "postgres";
    private int _databases;

    /// <summary>The temp folder: data/ (the cluster), socket/, postgres.log.</summary>
    public string Directory { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "akkalocks-pg", Guid.NewGuid().ToString("N"));

    public int Port { get; } = TestPorts.Reserve();

    public string LogFile => System.IO.Path.Combine(Directory, "postgres.log");

    private string DataDirectory => System.IO.Path.Combine(Directory, "data");

    private string SocketDirectory => System.IO.Path.Combine(Directory, "socket");

    /// <summary>The maintenance database's connection string; tests use their own from <see cref="CreateDatabaseAsync"/>.</summary>
    public string AdminConnectionString => ConnectionStringFor("postgres", pooling: false);

    public async Task InitializeAsync()
    {
        if (!PostgresBinaries.Available)
        {
            // In CI every test of the collection fails with this; elsewhere they are skipped (PostgresFact) and nothing starts.
            if (PostgresBinaries.Required) throw new InvalidOperationException(PostgresBinaries.MissingMessage);
            return;
        }
        System.IO.Directory.CreateDirectory(SocketDirectory);   // and so Directory
        if (RunsAsRoot) await RunAsync("chown", ["-R", Superuser, Directory]);   // postgres refuses to run as root

        // --no-sync only skips syncing initdb's own files (a crashed test run throws the folder away); the server keeps fsync on.
        await RunPostgresToolAsync("initdb", ["-D", DataDirectory, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
        var options = $"-c listen_addresses=127.0.0.1 -c port={Port} -c unix_socket_directories={SocketDirectory} -c fsync=on -c max_connections=200";
        await RunPostgresToolAsync("pg_ctl", ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", options]);
    }

    /// <summary>A new, empty database (named <c>akkalocks_&lt;n&gt;</c>) and its connection string.</summary>
    public async Task<PostgresDatabase> CreateDatabaseAsync()
    {
        var name = $"akkalocks_{Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new PostgresDatabase(name, ConnectionStringFor(name, pooling: true));
    }

    public async Task DisposeAsync()
    {
        if (!System.IO.Directory.Exists(Directory)) return;   // never started
        try
        {
            // fast: disconnects the clients (server processes a test left running) instead of waiting for them.
            if (File.Exists(System.IO.Path.Combine(DataDirectory, "postmaster.pid")))
                await RunPostgresToolAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w"]);
        }
        finally
        {
            if (TemporaryDirectory.Keep) Console.WriteLine($"kept PostgreSQL cluster (pg_ctl start -D {DataDirectory}): {Directory}");
            else DeleteDirectory();
        }
    }

    private void DeleteDirectory()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { /* the OS cleans its temp folder */ }
    }

    /// <param name="pooling">Off for the test process's own few connections, so none outlives its use.</param>
    private string ConnectionStringFor(string database, bool pooling) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        Pooling = pooling,
    }.ToString();

    private static bool RunsAsRoot => Environment.UserName == "root";

    /// <summary>As the postgres system user when the tests run as root: initdb and the server refuse root.</summary>
    private static Task RunPostgresToolAsync(string program, IReadOnlyList<string> arguments) =>
        RunsAsRoot
            ? RunAsync("runuser", ["-u", Superuser, "--", PostgresBinaries.Path(program), .. arguments])
            : RunAsync(PostgresBinaries.Path(program), arguments);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
    }
}
