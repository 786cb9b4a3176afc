using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace AkkaLocks.LoadGen.Targets;

/// <summary>
/// The least of RESP2 the Redis target needs: send one command, read one reply (simple string, error, integer,
/// bulk string or nil). A raw socket keeps the harness free of a client library and of its pipelining, so Redis
/// sees what AkkaLocks sees: one request at a time per connection.
/// </summary>
internal sealed class RespConnection : IAsyncDisposable
{
    private readonly TcpClient tcp;
    private readonly NetworkStream stream;
    private readonly byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;

    private RespConnection(TcpClient tcp)
    {
        this.tcp = tcp;
        stream = tcp.GetStream();
    }

    public static async Task<RespConnection> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(host, port, cancellationToken);
        return new RespConnection(tcp);
    }

    /// <summary>Sends a command; returns the reply as a string (null for nil), throwing on a Redis error reply.</summary>
    public async Task<string?> CommandAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var request = new StringBuilder();
        request.Append('*').Append(arguments.Length).Append("\r\n");
        foreach (var argument in arguments)
            request.Append('$').Append(Encoding.UTF8.GetByteCount(argument)).Append("\r\n").Append(argument).Append("\r\n");
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), cancellationToken);
        return await ReadReplyAsync(cancellationToken);
    }

    private async Task<string?> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var line = await ReadLineAsync(cancellationToken);
        var rest = line[1..];
        switch (line[0])
        {
            case '+':
            case ':':
                return rest;
            case '-':
                throw new InvalidOperationException("Redis: " + rest);
            case '$':
                var length = int.Parse(rest, CultureInfo.InvariantCulture);
                if (length < 0) return null;
                var bulk = await ReadLineAsync(cancellationToken);
                return bulk;
            default:
                throw new InvalidOperationException("Unexpected RESP reply: " + line);
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var span = buffer.AsSpan(start, end - start);
            var newline = span.IndexOf("\r\n"u8);
            if (newline >= 0)
            {
                var line = Encoding.UTF8.GetString(span[..newline]);
                start += newline + 2;
                return line;
            }
            if (start > 0)
            {
                span.CopyTo(buffer);
                end -= start;
                start = 0;
            }
            var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
            if (read == 0) throw new IOException("Redis closed the connection.");
            end += read;
        }
    }

    public ValueTask DisposeAsync()
    {
        tcp.Dispose();
        return ValueTask.CompletedTask;
    }
}
