using AkkaLocks.Server.Tests.Auth;

namespace AkkaLocks.Cli.Tests;

/// <summary>The real server with every esoco surface secured (test users), on a real port for the tool.</summary>
public sealed class SecureKestrelServer : IAsyncLifetime
{
    public SecureServerFactory Factory { get; } = new();

    public Uri BaseAddress => Factory.ClientOptions.BaseAddress;

    public Task InitializeAsync()
    {
        Factory.UseKestrel(0);
        Factory.StartServer();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
}
