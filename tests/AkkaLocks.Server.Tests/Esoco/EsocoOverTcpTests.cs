using System.Net.Sockets;
using System.Text;

namespace AkkaLocks.Server.Tests.Esoco;

/// <summary>
/// The esoco API over a real socket. esoco's Java client reports a failed call as "&lt;code&gt; &lt;reason&gt;" from
/// the status line, and current_locks shows the peer's address, so both are checked where Kestrel makes them.
/// </summary>
public sealed class EsocoOverTcpTests(AkkaLocksKestrelServer server) : IClassFixture<AkkaLocksKestrelServer>
{
    private readonly HttpClient _http = server.Factory.CreateClient();

    [Fact]
    public async Task Status_lines_carry_the_reason_phrases_the_java_client_reports()
    {
        var context = EsocoClient.NewContext();
        var esoco = new EsocoClient(_http);

        var granted = await SendAsync("/api/sync/request_lock", EsocoJson.Lock("A", context, "T"));
        var again = await SendAsync("/api/sync/request_lock", EsocoJson.Lock("A", context, "T"));
        var locked = await SendAsync("/api/sync/request_lock", EsocoJson.Lock("B", context, "T"));
        var conflict = await SendAsync("/api/sync/release_lock", EsocoJson.Lock("B", context, "T"));
        var notFound = await SendAsync("/api/sync/release_lock", EsocoJson.Lock("A", context, "Other"));
        var notAcceptable = await SendAsync("/api/sync/request_lock", "client=A");
        var badRequest = await SendAsync("/api/sync/request_lock", "{}");

        Assert.Equal(
            ["200 OK", "208 Already Reported", "423 Locked", "409 Conflict", "404 Not Found", "406 Not Acceptable", "400 Bad Request"],
            [granted, again, locked, conflict, notFound, notAcceptable, badRequest]);
        Assert.True(await esoco.IsLockedAsync(context, "T"));
    }

    [Fact]
    public async Task Current_locks_shows_the_address_the_request_came_from()
    {
        var context = EsocoClient.NewContext();
        var esoco = new EsocoClient(_http);
        await esoco.RequestLockAsync("A", context, "T");

        Assert.StartsWith("A[127.0.0.1] (", await esoco.HolderAsync(context, "T"));
    }

    [Fact]
    public async Task Body_declared_larger_than_kestrels_limit_is_a_bad_request_not_a_server_error()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
        var stream = tcp.GetStream();
        var head = "POST /api/sync/request_lock HTTP/1.1\r\nHost: localhost\r\n" +
                   "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 31000000\r\n\r\n{";

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        Assert.StartsWith("HTTP/1.1 400 ", await ReadStatusLineAsync(stream));
    }

    /// <summary>"&lt;code&gt; &lt;reason&gt;" as the Java client would report it, after the usual status-code check.</summary>
    private async Task<string> SendAsync(string path, string body)
    {
        var answer = await _http.PostAsync(path, new StringContent(body));
        EsocoStatusCodes.AssertUnderstood((int)answer.StatusCode, "POST", path);
        return $"{(int)answer.StatusCode} {answer.ReasonPhrase}";
    }

    private static async Task<string> ReadStatusLineAsync(NetworkStream stream)
    {
        var line = new StringBuilder();
        var buffer = new byte[1];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!line.ToString().EndsWith("\r\n", StringComparison.Ordinal) && await stream.ReadAsync(buffer, timeout.Token) == 1)
            line.Append((char)buffer[0]);
        return line.ToString();
    }
}
