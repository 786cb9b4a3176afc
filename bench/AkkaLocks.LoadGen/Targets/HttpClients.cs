using System.Net;

namespace AkkaLocks.LoadGen.Targets;

/// <summary>One keep-alive HTTP client per worker: a worker is one client connection, as with the Redis targets.</summary>
internal static class HttpClients
{
    public static HttpClient Create(Uri baseAddress) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
        })
        {
            BaseAddress = baseAddress,
            // Bounded: the workload's own deadline cancels long waits; this only guards against a hung server.
            Timeout = TimeSpan.FromSeconds(30),
        };
}
