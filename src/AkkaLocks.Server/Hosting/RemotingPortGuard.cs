using System.Net;
using System.Net.Sockets;

namespace AkkaLocks.Server.Hosting;

/// <summary>
/// Refuses to start a node on a remoting port another process already listens on. Akka's TCP transport binds with
/// ReuseAddress (its <c>reuse-addr</c>, on by default except on Windows), which .NET on Linux turns into SO_REUSEPORT
/// as well: a second node given the same port binds it without an error and the kernel splits the connections between
/// the two. A node that then finds its own address first among the seeds forms a cluster of its own on the shared
/// journal, and two clusters would grant the same lock. A probe bound with SO_REUSEADDR alone fails on such a port,
/// while a previous run's connections still in TIME_WAIT do not stop it.
/// </summary>
internal static class RemotingPortGuard
{
    private const int SolSocket = 1;
    private const int SoReuseAddr = 2;

    /// <summary>Throws when another process listens on <paramref name="port"/> (0: a port of the system's choosing, never taken).</summary>
    public static void EnsureFree(string hostname, int port)
    {
        if (port == 0) return;
        var address = BindAddress(hostname);
        using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (OperatingSystem.IsLinux()) probe.SetRawSocketOption(SolSocket, SoReuseAddr, BitConverter.GetBytes(1));
        try
        {
            probe.Bind(new IPEndPoint(address, port));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new InvalidOperationException(
                $"AkkaLocks:Cluster:Port {port} on {hostname} is taken by another process (another node on this host?). " +
                "Two nodes on one remoting port would both bind it and split the cluster's connections; give each node a port of its own.", e);
        }
    }

    /// <summary>The address Akka binds: the hostname's own, or every address when it does not resolve here.</summary>
    private static IPAddress BindAddress(string hostname)
    {
        if (IPAddress.TryParse(hostname, out var address)) return address;
        try
        {
            return Dns.GetHostAddresses(hostname).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? IPAddress.Any;
        }
        catch (SocketException)
        {
            return IPAddress.Any;
        }
    }
}
