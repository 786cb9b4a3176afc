namespace AkkaLocks.Cli;

/// <summary>What the tool's exit status tells a script.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command line was wrong (missing -url, a command without its -context/-target).</summary>
    public const int Usage = 1;

    /// <summary>The service could not be reached.</summary>
    public const int Unreachable = 2;

    /// <summary>The service refused the request (bad credentials, unknown lock, invalid input).</summary>
    public const int Refused = 3;

    /// <summary>The lock is held by someone else.</summary>
    public const int Locked = 4;

    /// <summary>The service failed (5xx).</summary>
    public const int ServiceError = 5;
}
