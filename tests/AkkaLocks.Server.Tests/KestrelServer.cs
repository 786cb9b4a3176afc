namespace AkkaLocks.Server.Tests;

/// <summary>
/// A server factory behind real Kestrel on a free local port, for what the in-process TestServer cannot show
/// (status-line reason phrases, the peer's address, Kestrel's own limits) and for clients that need a URL.
/// </summary>
public abstract class KestrelServer<TFactory> : IAsyncLifetime where TFactory : AkkaLocksServerFactory, new()
{
    public TFactory Factory { get; } = new();

    public Uri BaseAddress => Factory.ClientOptions.BaseAddress;

    public Task InitializeAsync()
    {
        Factory.UseKestrel(0);
        Factory.StartServer();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
}
