using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AkkaLocks.EndToEnd.Tests;

/// <summary>A server that cannot start says why and exits with code 1, rather than aborting on an unhandled exception.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task A_server_whose_remoting_port_another_node_holds_exits_with_code_1_naming_the_setting()
    {
        using var data = new TemporaryDirectory();
        using var otherNode = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        otherNode.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);   // as Akka's transport binds
        otherNode.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        otherNode.Listen();
        var port = ((IPEndPoint)otherNode.LocalEndPoint!).Port;
        var start = new ProcessStartInfo("dotnet", [ServerProcess.ServerDll(), "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = data.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["AkkaLocks__DataDirectory"] = data.Path, ["AkkaLocks__Cluster__Port"] = port.ToString() },
        };

        using var server = Process.Start(start)!;
        var output = server.StandardOutput.ReadToEndAsync();
        var error = server.StandardError.ReadToEndAsync();
        try
        {
            await server.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));   // a server that started anyway fails here
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
        }
        await output;

        Assert.Equal(1, server.ExitCode);
        Assert.StartsWith($"AkkaLocks could not start: AkkaLocks:Cluster:Port {port}", await error);
    }
}
