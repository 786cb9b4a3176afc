using System.Security.Claims;
using AkkaLocks.Core;
using Microsoft.AspNetCore.Identity;

namespace AkkaLocks.Server.Auth;

/// <summary>
/// The users of <c>AkkaLocks:Users</c>: checks passwords (PBKDF2 hashes, or plain ones in development),
/// applies the login lockout, and makes the principal every surface sees (name and role claims).
/// Read from configuration on each login, so a reloaded file takes effect without a restart.
/// </summary>
public sealed class UserDirectory(IConfiguration configuration, LoginLockout lockout)
{
    public const string AuthenticationType = "AkkaLocks";

    private static readonly PasswordHasher<string> Hasher = new();

    public IReadOnlyDictionary<string, UserAccount> Accounts =>
        configuration.GetSection(UserAccount.Section).Get<Dictionary<string, UserAccount>>() ?? [];

    public LoginResult Login(string? user, string? password)
    {
        if (string.IsNullOrEmpty(user) || password is null || !Accounts.TryGetValue(user, out var account))
            return new LoginResult.InvalidCredentials();
        if (lockout.IsLockedOut(user)) return new LoginResult.LockedOut();
        if (!PasswordMatches(user, account, password))
        {
            lockout.Failed(user);
            return new LoginResult.InvalidCredentials();
        }
        lockout.Succeeded(user);
        return new LoginResult.Succeeded(PrincipalFor(user, account));
    }

    public static ClaimsPrincipal PrincipalFor(string user, UserAccount account)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, user) };
        claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    private static bool PasswordMatches(string user, UserAccount account, string password)
    {
        if (!string.IsNullOrEmpty(account.PasswordHash))
        {
            try
            {
                return Hasher.VerifyHashedPassword(user, account.PasswordHash, password) != PasswordVerificationResult.Failed;
            }
            catch (FormatException)
            {
                return false;   // a malformed hash in the configuration matches nothing
            }
        }
        return !string.IsNullOrEmpty(account.Password) && SecretComparer.AreEqual(password, account.Password);
    }

    /// <summary>The hash <see cref="UserAccount.PasswordHash"/> expects (the user name does not enter it).</summary>
    public static string HashPassword(string password) => Hasher.HashPassword("", password);
}
