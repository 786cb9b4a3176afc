namespace AkkaLocks.Server.Auth;

/// <summary>
/// One entry of <c>AkkaLocks:Users</c>, keyed by user name: a salted PBKDF2 <see cref="PasswordHash"/>
/// (print one with <c>AkkaLocks.Server hash-password</c>) or, for development and tests, a plain <see cref="Password"/>.
/// </summary>
public sealed class UserAccount
{
    public const string Section = "AkkaLocks:Users";

    /// <summary>ASP.NET Core Identity's PasswordHasher format (PBKDF2, salted).</summary>
    public string? PasswordHash { get; set; }

    /// <summary>A plain password, accepted with a warning at startup; never for production.</summary>
    public string? Password { get; set; }

    public List<string> Roles { get; set; } = [];
}
