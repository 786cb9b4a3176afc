using Microsoft.Extensions.Options;

namespace AkkaLocks.Server.Auth;

/// <summary>
/// Counts failed logins in a row per user and refuses a user for a while after too many, as DMSContainer does,
/// so that a password cannot be guessed at network speed. A success resets the count.
/// </summary>
public sealed class LoginLockout(IOptions<AuthOptions> options, TimeProvider time)
{
    private readonly Dictionary<string, (int Failures, DateTimeOffset? Until)> _byUser = new(StringComparer.Ordinal);

    public bool IsLockedOut(string user)
    {
        lock (_byUser)
            return _byUser.TryGetValue(user, out var state) && state.Until is { } until && time.GetUtcNow() < until;
    }

    public void Failed(string user)
    {
        lock (_byUser)
        {
            var failures = (_byUser.TryGetValue(user, out var state) && state.Until is null ? state.Failures : 0) + 1;
            var lockOut = failures >= options.Value.MaxFailedLogins;
            _byUser[user] = (lockOut ? 0 : failures, lockOut ? time.GetUtcNow() + options.Value.LockoutDuration : null);
        }
    }

    public void Succeeded(string user)
    {
        lock (_byUser) _byUser.Remove(user);
    }
}
