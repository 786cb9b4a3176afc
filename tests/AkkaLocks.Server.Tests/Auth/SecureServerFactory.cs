using AkkaLocks.Server.Tests.Dms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AkkaLocks.Server.Tests.Auth;

/// <summary>The real server with the test users, every esoco surface secure, and a manual clock for tokens and lockouts.</summary>
public sealed class SecureServerFactory : AkkaLocksServerFactory
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(5);

    public ManualClock Clock { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        .. DmsUsers.Settings(),
        new("AkkaLocks:Auth:EsocoSync", "Secure"),
        new("AkkaLocks:Auth:EsocoAdmin", "Secure"),
        new("AkkaLocks:Auth:TokenLifetime", TokenLifetime.ToString()),
        new("AkkaLocks:Auth:LockoutDuration", LockoutDuration.ToString()),
    ];

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
}
