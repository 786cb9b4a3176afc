using System.Net;
using System.Net.Sockets;

namespace AkkaLocks.EndToEnd.Tests;

/// <summary>
/// Ports for the processes the tests start (servers, PostgreSQL): free when picked, below the kernel's ephemeral range,
/// and never handed out twice in this test run.
/// A picked port is released until its process binds it. A port from the ephemeral range (what a bind to port 0 gives)
/// can be handed meanwhile to the next automatic bind or outgoing connection, and that happened more than once in CI: to
/// another node, which then shared the remoting port (Akka binds with ReuseAddress, which .NET on Linux makes
/// SO_REUSEPORT too) and formed a cluster of its own, and to a remoting proxy, which took it from its node. Below the
/// ephemeral range the kernel never gives a port to anyone who did not ask for it by number. Ports are kept for the
/// whole run, so a process restarted at its port finds it still its own.
/// </summary>
internal static class TestPorts
{
    private const int FixedPortsFrom = 10_000;
    private static readonly HashSet<int> Given = [];

    public static int Reserve() => Reserve(1)[0];

    /// <summary><paramref name="count"/> distinct ports, all held open while picking so none is picked twice.</summary>
    public static int[] Reserve(int count)
    {
        lock (Given)
        {
            var ports = PickFree(count, EphemeralPortsFrom());
            Given.UnionWith(ports);
            return ports;
        }
    }

    private static int[] PickFree(int count, int below)
    {
        var listeners = new List<TcpListener>();
        try
        {
            for (var attempt = 0; listeners.Count < count && attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(FixedPortsFrom, below);
                if (Given.Contains(port) || listeners.Any(l => ((IPEndPoint)l.LocalEndpoint).Port == port)) continue;
                if (TryListen(port) is { } listener) listeners.Add(listener);
            }
            if (listeners.Count < count) throw new InvalidOperationException($"No {count} free ports below the ephemeral range.");
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    private static TcpListener? TryListen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return listener;
        }
        catch (SocketException)
        {
            listener.Stop();   // in use: the caller tries another
            return null;
        }
    }

    /// <summary>The low end of the ports the kernel assigns by itself (Linux: 32768 unless configured otherwise).</summary>
    private static int EphemeralPortsFrom()
    {
        var range = File.Exists("/proc/sys/net/ipv4/ip_local_port_range") ? File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range") : "";
        var low = range.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return int.TryParse(low, out var port) && port > FixedPortsFrom + 1000 ? port : 32768;
    }
}
