using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AkkaLocks.EndToEnd.Tests.Cluster;

/// <summary>
/// The partition proxy without Akka: a fake node behind it echoes, and fake handshakes name the opening node the way
/// Akka's <c>Associate</c> does (protobuf <c>AddressData</c> hostname and port). What the cluster test relies on:
/// a refused node's open connection is cut, its new ones deliver nothing, the other nodes' pass, and a heal admits it.
/// </summary>
public sealed class RemotingProxyTests
{
    private const int NodeA = 0;
    private const int NodeB = 1;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void The_origin_is_the_node_whose_address_comes_first()
    {
        var origins = Origins();
        var bytes = Concat([0x0A, 0x03], Address(2552), [0x22, 0x00], Address(2553));

        Assert.Equal(NodeA, origins.Find(bytes));
        Assert.Equal(NodeB, origins.Find(Address(2553)));
        Assert.Null(origins.Find(Address(2554)));
        Assert.Equal(new byte[] { 0x18, 0xF8, 0x13 }, Address(2552)[^3..]);   // 2552 as a protobuf varint
    }

    [Fact]
    public async Task A_refused_node_is_cut_off_and_readmitted_by_a_heal()
    {
        using var node = new EchoNode();
        await using var proxy = new RemotingProxy(node.Port, Origins());
        using var fromB = await ConnectAsync(proxy, Address(2553));
        Assert.Equal(Address(2553), await ReadAsync(fromB, Address(2553).Length));

        proxy.Refuse([NodeB]);
        Assert.True(await IsClosedAsync(fromB), "B's open connection must be cut");
        var connectionsBefore = node.Connections;
        using var againFromB = await ConnectAsync(proxy, Address(2553));
        Assert.True(await IsClosedAsync(againFromB), "B's new connection must be closed");
        Assert.Equal(connectionsBefore, node.Connections);   // it never reached the node, not even its TCP handshake
        using var fromA = await ConnectAsync(proxy, Address(2552));
        Assert.Equal(Address(2552), await ReadAsync(fromA, Address(2552).Length));

        proxy.AdmitAll();
        using var healed = await ConnectAsync(proxy, Address(2553));
        Assert.Equal(Address(2553), await ReadAsync(healed, Address(2553).Length));
        Assert.Equal(2, proxy.Refusals);   // one cut, one refused
        Assert.Equal(0, proxy.Unidentified);
    }

    private static AkkaHandshakeOrigin Origins()
    {
        var origins = new AkkaHandshakeOrigin();
        origins.Add(NodeA, "127.0.0.1", 2552);
        origins.Add(NodeB, "127.0.0.1", 2553);
        return origins;
    }

    /// <summary>AddressData fields 2 and 3 as Akka writes them in the handshake, after a system name (field 1).</summary>
    private static byte[] Address(int port)
    {
        var host = Encoding.ASCII.GetBytes("127.0.0.1");
        byte[] varint = port < 0x80 ? [(byte)port] : [(byte)(port & 0x7F | 0x80), (byte)(port >> 7)];   // two bytes suffice below 16384
        return Concat([0x12, (byte)host.Length], host, [0x18], varint);
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    private static async Task<Socket> ConnectAsync(RemotingProxy proxy, byte[] handshake)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, proxy.Port);
        await socket.SendAsync(handshake);
        return socket;
    }

    private static async Task<byte[]> ReadAsync(Socket socket, int length)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[length];
        for (var read = 0; read < length;)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), timeout.Token);
            if (n == 0) throw new IOException("closed");
            read += n;
        }
        return buffer;
    }

    /// <summary>The proxy closed it (end of stream or a reset) within <see cref="Patience"/>.</summary>
    private static async Task<bool> IsClosedAsync(Socket socket)
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            return await socket.ReceiveAsync(new byte[64], timeout.Token) == 0;
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>A stand-in node: accepts connections, counting them, and echoes what it receives.</summary>
    private sealed class EchoNode : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private int _connections;

        public EchoNode()
        {
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = AcceptAsync();
        }

        public int Port { get; }

        public int Connections => Volatile.Read(ref _connections);

        public void Dispose() => _listener.Stop();

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var socket = await _listener.AcceptSocketAsync();
                    Interlocked.Increment(ref _connections);
                    _ = EchoAsync(socket);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // stopped
            }
        }

        private async Task EchoAsync(Socket socket)
        {
            using (socket)
            {
                var buffer = new byte[256];
                try
                {
                    while (await socket.ReceiveAsync(buffer) is var n and > 0) await socket.SendAsync(buffer.AsMemory(0, n));
                }
                catch (SocketException)
                {
                    // cut by the proxy
                }
            }
        }
    }
}
