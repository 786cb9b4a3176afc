using System.Text.Json;
using AkkaLocks.Contracts;

namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>
/// The server's own account of one context's lock transitions, read from <c>GET /v1/events</c> for the whole run
/// (resuming with <c>Last-Event-ID</c> if the stream ends): it shows grants the clients never heard of, such as
/// those made to a caller that had hung up.
/// </summary>
public sealed class ServerEventLog : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly List<ServerEvent> _events = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http;
    private readonly string _context;
    private Task _reading = Task.CompletedTask;
    private long? _lastId;

    private ServerEventLog(Uri server, string context)
    {
        _http = new HttpClient { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
        _context = context;
    }

    /// <summary>Returns once the first stream is open (its first heartbeat arrived), so no later transition is missed.</summary>
    public static async Task<ServerEventLog> StartAsync(Uri server, string context)
    {
        var log = new ServerEventLog(server, context);
        var subscribed = new TaskCompletionSource();
        log._reading = Task.Run(() => log.ReadAsync(subscribed));
        await subscribed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return log;
    }

    public IReadOnlyList<ServerEvent> Events
    {
        get { lock (_events) return _events.ToList(); }
    }

    /// <summary>Stops reading after a short grace period for events still on their way.</summary>
    public async Task<IReadOnlyList<ServerEvent>> StopAsync()
    {
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await _stop.CancelAsync();
        try { await _reading; }
        catch (OperationCanceledException) { /* stopped */ }
        return Events;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task ReadAsync(TaskCompletionSource subscribed)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/events?context={_context}");
                if (_lastId is { } id) request.Headers.Add("Last-Event-ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
                response.EnsureSuccessStatusCode();
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token));
                await ReadEventsAsync(reader, subscribed);
            }
            catch (Exception e) when (e is HttpRequestException or IOException && !_stop.IsCancellationRequested)
            {
                await Task.Delay(200, _stop.Token);   // a server restarting: resume from the last id
            }
        }
    }

    private async Task ReadEventsAsync(StreamReader reader, TaskCompletionSource subscribed)
    {
        string? type = null, data = null, id = null;
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            if (line.Length > 0)
            {
                var colon = line.IndexOf(':');
                var (field, value) = colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].TrimStart(' '));
                if (field == "event") type = value;
                else if (field == "data") data = value;
                else if (field == "id") id = value;
                continue;
            }
            if (type == LockEventTypes.Heartbeat) subscribed.TrySetResult();
            else if (type is not null && data is not null && long.TryParse(id, out var eventId)) Add(new ServerEvent(eventId, type, JsonSerializer.Deserialize<LockEventData>(data, Json)!, DateTimeOffset.UtcNow));
            (type, data, id) = (null, null, null);
        }
    }

    private void Add(ServerEvent e)
    {
        _lastId = e.Id;
        lock (_events) _events.Add(e);
    }
}

/// <summary>One transition as the server published it: <paramref name="Type"/> is the SSE <c>event:</c> name; <paramref name="ReceivedAt"/> when it reached us.</summary>
public sealed record ServerEvent(long Id, string Type, LockEventData Data, DateTimeOffset ReceivedAt)
{
    public string Key => Data.Name;

    public bool EndsAGrant => Type is LockEventTypes.Released or LockEventTypes.Expired or LockEventTypes.ForceReleased;
}
