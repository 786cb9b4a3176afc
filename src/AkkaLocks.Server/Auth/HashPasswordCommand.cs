namespace AkkaLocks.Server.Auth;

/// <summary>
/// <c>AkkaLocks.Server hash-password [password]</c>: prints the PasswordHash of a password (read from standard
/// input when not given, so it stays out of the shell history) and exits without starting the server.
/// </summary>
public static class HashPasswordCommand
{
    public const string Name = "hash-password";

    public static bool TryRun(string[] args)
    {
        if (args.Length == 0 || args[0] != Name) return false;
        var password = args.Length > 1 ? args[1] : Console.In.ReadLine();
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine($"usage: AkkaLocks.Server {Name} [password]   (or the password on standard input)");
            Environment.ExitCode = 2;
            return true;
        }
        Console.WriteLine(UserDirectory.HashPassword(password));
        return true;
    }
}
