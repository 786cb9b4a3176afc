using System.Text;

namespace AkkaLocks.EndToEnd.Tests.Cluster;

/// <summary>
/// Tells which node opened a remoting connection from the first bytes it sends. Akka.Remote's first frame on every
/// connection is the <c>Associate</c> handshake, whose <c>AkkaHandshakeInfo.origin</c> is the opening node's advertised
/// address as protobuf <c>AddressData</c> (system = 1, hostname = 2, port = 3): so the bytes
/// <c>0x12 len hostname 0x18 varint(port)</c> of exactly one node appear there, before any other address can.
/// A proxy needs this because all nodes connect from 127.0.0.1 on ephemeral ports: the socket alone does not say who.
/// </summary>
internal sealed class AkkaHandshakeOrigin
{
    private readonly List<byte[]> _signatures = [];
    private readonly Lock _gate = new();

    /// <summary>Node <paramref name="index"/> (the next one added) advertises <paramref name="hostname"/>:<paramref name="port"/>.</summary>
    public void Add(int index, string hostname, int port)
    {
        lock (_gate)
        {
            if (index != _signatures.Count) throw new ArgumentOutOfRangeException(nameof(index), "Nodes are added in index order.");
            _signatures.Add(Signature(hostname, port));
        }
    }

    /// <summary>The node whose address appears first in <paramref name="firstBytes"/>, or null when none does (yet).</summary>
    public int? Find(ReadOnlySpan<byte> firstBytes)
    {
        byte[][] signatures;
        lock (_gate) signatures = [.. _signatures];
        int? origin = null;
        var earliest = int.MaxValue;
        for (var i = 0; i < signatures.Length; i++)
        {
            var at = firstBytes.IndexOf(signatures[i]);
            if (at >= 0 && at < earliest) (origin, earliest) = (i, at);
        }
        return origin;
    }

    /// <summary>Protobuf fields 2 (hostname, length-delimited) and 3 (port, varint) of <c>AddressData</c>, back to back.</summary>
    private static byte[] Signature(string hostname, int port)
    {
        var host = Encoding.UTF8.GetBytes(hostname);
        var bytes = new List<byte> { 0x12, checked((byte)host.Length) };
        bytes.AddRange(host);
        bytes.Add(0x18);
        for (var value = (uint)port; ; value >>= 7)
        {
            if (value < 0x80) { bytes.Add((byte)value); break; }
            bytes.Add((byte)(value & 0x7F | 0x80));
        }
        return [.. bytes];
    }
}
