using System.Net;
using System.Net.Sockets;
using AkkaLocks.Server.Hosting;

namespace AkkaLocks.Server.Tests.Cluster;

/// <summary>A node refuses a remoting port another process listens on, and takes one its own previous run left.</summary>
public sealed class RemotingPortGuardTests
{
    [Fact]
    public void On_linux_a_second_socket_with_ReuseAddress_binds_a_port_already_listened_on()
    {
        // Why the guard exists: Akka's transport binds like this, so a second node on one port would not fail.
        if (!OperatingSystem.IsLinux()) return;
        using var first = ListenLikeAkka(0);
        using var second = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        second.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);

        second.Bind(new IPEndPoint(IPAddress.Loopback, PortOf(first)));
    }

    [Fact]
    public void A_port_another_node_listens_on_is_refused_with_the_setting_to_change()
    {
        using var other = ListenLikeAkka(0);

        var refused = Assert.Throws<InvalidOperationException>(() => RemotingPortGuard.EnsureFree("127.0.0.1", PortOf(other)));

        Assert.Contains($"AkkaLocks:Cluster:Port {PortOf(other)}", refused.Message);
    }

    [Fact]
    public void A_port_on_every_address_is_refused_to_a_node_on_loopback()
    {
        using var other = ListenLikeAkka(0, IPAddress.Any);

        Assert.Throws<InvalidOperationException>(() => RemotingPortGuard.EnsureFree("127.0.0.1", PortOf(other)));
    }

    [Fact]
    public void A_port_whose_previous_listener_closed_with_a_connection_it_closed_first_is_accepted()
    {
        // A node restarting at its port finds the connections its previous run closed still in TIME_WAIT.
        int port;
        using (var previous = ListenLikeAkka(0))
        {
            port = PortOf(previous);
            using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            client.Connect(IPAddress.Loopback, port);
            using (var accepted = previous.Accept()) accepted.Shutdown(SocketShutdown.Both);
            client.Shutdown(SocketShutdown.Both);
        }

        RemotingPortGuard.EnsureFree("127.0.0.1", port);
    }

    [Fact]
    public void Port_zero_lets_the_system_choose_and_is_never_refused()
    {
        RemotingPortGuard.EnsureFree("127.0.0.1", 0);
    }

    /// <summary>A listener bound as Akka's DotNetty transport binds it: with ReuseAddress.</summary>
    private static Socket ListenLikeAkka(int port, IPAddress? address = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        socket.Bind(new IPEndPoint(address ?? IPAddress.Loopback, port));
        socket.Listen();
        return socket;
    }

    private static int PortOf(Socket socket) => ((IPEndPoint)socket.LocalEndPoint!).Port;
}
