using System.Net;
using System.Net.Sockets;

namespace AkkaLocks.EndToEnd.Tests.Cluster;

/// <summary>
/// A TCP proxy in front of one node's Akka remoting port, in the test process (like toxiproxy): the node advertises the
/// proxy's port (AkkaLocks:Cluster:PublicPort), so every other node reaches it only through here. Each connection is
/// relayed once the node that opened it is known (<see cref="AkkaHandshakeOrigin"/>); connections from a node that is
/// refused are cut, and new ones from it closed before a byte passes, until it is admitted again.
/// The proxy listens for the life of the cluster, so the node keeps its address across restarts.
/// </summary>
internal sealed class RemotingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly AkkaHandshakeOrigin _origins;
    private readonly HashSet<int> _refused = [];
    private readonly HashSet<ProxiedConnection> _connections = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public RemotingProxy(int targetPort, AkkaHandshakeOrigin origins)
    {
        _targetPort = targetPort;
        _origins = origins;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    /// <summary>The port the node advertises.</summary>
    public int Port { get; }

    /// <summary>Connections cut or closed because their node was refused.</summary>
    public int Refusals { get; private set; }

    /// <summary>Connections whose first bytes named no known node (relayed anyway; a partition expects none).</summary>
    public int Unidentified { get; private set; }

    /// <summary>Cuts the connections <paramref name="origins"/> opened and closes any they open, until <see cref="AdmitAll"/>.</summary>
    public void Refuse(IEnumerable<int> origins)
    {
        List<ProxiedConnection> cut;
        lock (_gate)
        {
            _refused.UnionWith(origins);
            cut = [.. _connections.Where(c => c.Origin is { } o && _refused.Contains(o))];
            Refusals += cut.Count;
        }
        cut.ForEach(c => c.Dispose());
    }

    public void AdmitAll()
    {
        lock (_gate) _refused.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_gate) foreach (var connection in _connections) connection.Dispose();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var inbound = await _listener.AcceptSocketAsync(_stop.Token);
                _ = Task.Run(() => ServeAsync(inbound));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // disposed
        }
    }

    private async Task ServeAsync(Socket inbound)
    {
        var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        inbound.NoDelay = true;
        using var connection = new ProxiedConnection(inbound, upstream);
        try
        {
            if (!await connection.IdentifyAsync(_origins, _stop.Token) || !Admit(connection)) return;   // a refused node never reaches the proxied one
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);   // refused while the node is down
                await connection.RelayAsync(_stop.Token);
            }
            finally
            {
                lock (_gate) _connections.Remove(connection);
            }
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // the node is down, or the opening node gave up, or the proxy is disposed: the connection just ends
        }
    }

    /// <summary>Under the same lock as <see cref="Refuse"/>, so a connection is either refused here or cut there.</summary>
    private bool Admit(ProxiedConnection connection)
    {
        lock (_gate)
        {
            if (connection.Origin is { } origin && _refused.Contains(origin))
            {
                Refusals++;
                return false;
            }
            if (connection.Origin is null) Unidentified++;
            _connections.Add(connection);
            return true;
        }
    }
}
