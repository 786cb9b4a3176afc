namespace AkkaLocks.Server.Auth;

/// <summary>Warns at startup about plain-text passwords (development only) and users who cannot log in.</summary>
internal sealed class UserAccountsCheck(UserDirectory users, ILogger<UserAccountsCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (name, account) in users.Accounts)
        {
            if (string.IsNullOrEmpty(account.PasswordHash) && !string.IsNullOrEmpty(account.Password))
                logger.LogWarning("User {User} has a plain-text Password; use PasswordHash (AkkaLocks.Server hash-password) outside development.", name);
            else if (string.IsNullOrEmpty(account.PasswordHash))
                logger.LogWarning("User {User} has neither PasswordHash nor Password and cannot log in.", name);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
