namespace AkkaLocks.EndToEnd.Tests.Postgres;

/// <summary>
/// Where Debian's postgresql package puts PostgreSQL 15 (or <c>AKKALOCKS_POSTGRES_BIN</c>, e.g. another version's
/// bin folder), and what to say when it is not there.
/// </summary>
public static class PostgresBinaries
{
    public static string Directory { get; } =
        Environment.GetEnvironmentVariable("AKKALOCKS_POSTGRES_BIN") is { Length: > 0 } folder ? folder : "/usr/lib/postgresql/15/bin";

    public static string MissingMessage => $"PostgreSQL is required: apt-get install postgresql (initdb and pg_ctl not found in {Directory}).";

    public static bool Available => File.Exists(Path("initdb")) && File.Exists(Path("pg_ctl"));

    /// <summary>In CI a missing PostgreSQL is a broken machine, not a reason to skip.</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Path(string program) => System.IO.Path.Combine(Directory, program);
}
