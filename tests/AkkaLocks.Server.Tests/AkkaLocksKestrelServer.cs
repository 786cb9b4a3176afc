namespace AkkaLocks.Server.Tests;

/// <summary>
/// <see cref="AkkaLocksServerFactory"/> behind real Kestrel on a free local port, for what the in-process
/// TestServer cannot show: status-line reason phrases, the peer's address, Kestrel's own request limits.
/// </summary>
public sealed class AkkaLocksKestrelServer : IAsyncLifetime
{
    public AkkaLocksServerFactory Factory { get; } = new();

    public Uri BaseAddress => Factory.ClientOptions.BaseAddress;

    public Task InitializeAsync()
    {
        Factory.UseKestrel(0);
        Factory.StartServer();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
}
