using System.CommandLine;

namespace AkkaLocks.Cli;

/// <summary>
/// The options of esoco's ModificationSyncServiceTool (mss), spelled as mss spells them (-url, -list, …;
/// the --long forms work too), plus AkkaLocks' own: credentials and output formats.
/// </summary>
internal sealed class MssOptions
{
    public Option<string> Url { get; } = new("-url", "--url") { Description = "The URL of the sync service (mandatory)" };
    public Option<string?> Context { get; } = new("-context", "--context") { Description = "The context to which to apply a command" };
    public Option<string?> Target { get; } = new("-target", "--target") { Description = "The target to which to apply a command (in a certain context)" };
    public Option<bool> List { get; } = new("-list", "--list") { Description = "Lists either all locks or only in a given context" };
    public Option<bool> Lock { get; } = new("-lock", "--lock") { Description = "Locks a target in a context" };
    public Option<bool> Unlock { get; } = new("-unlock", "--unlock") { Description = "Removes a target lock in a context" };
    public Option<bool> Reset { get; } = new("-reset", "--reset") { Description = "Resets either all locks or only in the given context" };

    public Option<string?> LogLevel { get; } = new("-loglevel", "--loglevel")
    {
        Description = "Queries or updates the log level of the target service (TRACE, DEBUG, INFO, WARN, ERROR, FATAL)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string?> User { get; } = new("-user", "--user") { Description = "User name (or AKKALOCKS_USER, or user:password@ in the URL)" };
    public Option<string?> Password { get; } = new("-password", "--password") { Description = "Password (or AKKALOCKS_PASSWORD)" };
    public Option<bool> Json { get; } = new("--json") { Description = "Write the result as JSON, for scripts" };
    public Option<bool> Table { get; } = new("--table") { Description = "Write listings as a table, for people" };

    public IEnumerable<Option> All =>
        [Url, Context, Target, List, Lock, Unlock, Reset, LogLevel, User, Password, Json, Table];
}
