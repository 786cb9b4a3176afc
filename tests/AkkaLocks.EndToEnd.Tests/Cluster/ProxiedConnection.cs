using System.Net.Sockets;

namespace AkkaLocks.EndToEnd.Tests.Cluster;

/// <summary>
/// One remoting connection through a <see cref="RemotingProxy"/>: the socket a node opened to the proxy and the one the
/// proxy opened to the proxied node, relayed both ways byte for byte until either side closes or the proxy cuts it.
/// Nothing is relayed before the opening node is known, so a connection the proxy refuses delivers not one byte.
/// </summary>
internal sealed class ProxiedConnection(Socket inbound, Socket upstream) : IDisposable
{
    /// <summary>How many bytes may pass unread before giving up on finding the origin (the handshake is about a hundred).</summary>
    private const int IdentifyWithin = 4096;

    private readonly byte[] _firstBytes = new byte[IdentifyWithin];
    private int _firstLength;

    /// <summary>The node that opened it, once known; null for a connection whose first bytes named no node.</summary>
    public int? Origin { get; private set; }

    /// <summary>
    /// Reads the opening node's first bytes until <paramref name="origins"/> recognises one (then sets <see cref="Origin"/>),
    /// the limit is reached, or the node closes; returns false only when it closed first.
    /// </summary>
    public async Task<bool> IdentifyAsync(AkkaHandshakeOrigin origins, CancellationToken cancellation)
    {
        while (_firstLength < IdentifyWithin)
        {
            var read = await inbound.ReceiveAsync(_firstBytes.AsMemory(_firstLength), cancellation);
            if (read == 0) return false;
            _firstLength += read;
            if (origins.Find(_firstBytes.AsSpan(0, _firstLength)) is { } origin)
            {
                Origin = origin;
                return true;
            }
        }
        return true;
    }

    /// <summary>Sends the bytes read while identifying, then relays both ways until one side ends; closes both.</summary>
    public async Task RelayAsync(CancellationToken cancellation)
    {
        Task[] directions = [];
        try
        {
            await upstream.SendAsync(_firstBytes.AsMemory(0, _firstLength), cancellation);
            directions = [CopyAsync(inbound, upstream, cancellation), CopyAsync(upstream, inbound, cancellation)];
            await Task.WhenAny(directions);
        }
        catch (Exception e) when (IsConnectionOver(e))
        {
            // the proxied node closed or is gone before the first bytes reached it
        }
        finally
        {
            Dispose();   // one direction over ends the other: a half-open remoting connection is of no use to Akka
            await Task.WhenAll(directions);
        }
    }

    /// <summary>Closes both sockets at once (a reset, like a firewall rejecting): both nodes see the connection fail.</summary>
    public void Dispose()
    {
        Close(inbound);
        Close(upstream);
    }

    private static void Close(Socket socket)
    {
        try { socket.Close(0); }
        catch (ObjectDisposedException) { /* already closed */ }
    }

    private static async Task CopyAsync(Socket from, Socket to, CancellationToken cancellation)
    {
        try
        {
            await using var source = new NetworkStream(from, ownsSocket: false);
            await using var target = new NetworkStream(to, ownsSocket: false);
            await source.CopyToAsync(target, cancellation);
        }
        catch (Exception e) when (IsConnectionOver(e))
        {
            // cut by the proxy, or closed by a node
        }
    }

    private static bool IsConnectionOver(Exception e) =>
        e is IOException or SocketException or ObjectDisposedException or OperationCanceledException;
}
