namespace AkkaLocks.Server.Hosting;

/// <summary>
/// A start that fails (a remoting port taken, an unsupported persistence provider, a database it cannot open) ends the process
/// with a line on standard error saying why and exit code <see cref="ExitCode"/>, instead of an unhandled exception's
/// abort (134). Failures after the start are the host's and <see cref="ActorSystemExitCode"/>'s.
/// </summary>
internal static class StartupFailure
{
    /// <summary>Documented in the README; <see cref="ActorSystemExitCode.Terminated"/> is the code of a node that ended by itself.</summary>
    public const int ExitCode = 1;

    public static void Run(WebApplication app)
    {
        var started = false;   // read from here: Run disposes the host, and its services with it, before it throws
        app.Lifetime.ApplicationStarted.Register(() => started = true);
        try
        {
            app.Run();
        }
        catch (Exception e) when (!started)
        {
            Console.Error.WriteLine($"AkkaLocks could not start: {Cause(e).Message}");
            Console.Error.WriteLine(e);   // where, for a bug report
            Environment.ExitCode = ExitCode;
        }
    }

    /// <summary>The exception that says why, inside the wrappers of tasks and reflection (not the socket error under ours).</summary>
    private static Exception Cause(Exception e) =>
        e is AggregateException or System.Reflection.TargetInvocationException && e.InnerException is { } inner ? Cause(inner) : e;
}
