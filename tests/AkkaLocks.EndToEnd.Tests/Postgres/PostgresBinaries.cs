namespace AkkaLocks.EndToEnd.Tests.Postgres;

/// <summary>Where Debian's postgresql package puts PostgreSQL 15, and what to say when it is not there.</summary>
public static class PostgresBinaries
{
    public const string Directory = "/usr/lib/postgresql/15/bin";

    public const string MissingMessage = "PostgreSQL is required: apt-get install postgresql (PostgreSQL 15 binaries in " + Directory + ").";

    public static bool Available => File.Exists(Path("initdb")) && File.Exists(Path("pg_ctl"));

    /// <summary>In CI a missing PostgreSQL is a broken machine, not a reason to skip.</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Path(string program) => System.IO.Path.Combine(Directory, program);
}
