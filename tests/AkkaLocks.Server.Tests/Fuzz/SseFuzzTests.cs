using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;
using AkkaLocks.Contracts;
using AkkaLocks.Server.Limits;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;

namespace AkkaLocks.Server.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of the watch, <c>GET /v1/events</c>: whatever the query (context, prefix, repeated or unknown
/// parameters) and <c>Last-Event-ID</c> (garbage, huge, negative, Unicode), the answer is a 4xx problem with a message
/// or a stream that opens with its heartbeat; never a 5xx, and the server keeps serving, with no stream slot left taken
/// once the streams are closed.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class SseFuzzTests(AkkaLocksServerFactory server)
{
    private const int Iterations = 200;

    private static readonly Gen<string?> LastEventIds = Gen.OneOf<string?>(
        Gen.Const((string?)null), Gen.Const<string?>(""), Gen.Const<string?>(" "), Gen.Const<string?>("0"), Gen.Const<string?>("-1"),
        Gen.Const<string?>("+5"), Gen.Const<string?>("1e3"), Gen.Const<string?>("0x10"), Gen.Const<string?>("٣"),   // Arabic-Indic three
        Gen.Const<string?>(long.MaxValue.ToString()), Gen.Const<string?>("9223372036854775808"), Gen.Const<string?>(new string('9', 400)),
        Gen.Const<string?>("1, 2"), Gen.Const<string?>("\u202E42"), Gen.Const<string?>("１２"),   // fullwidth digits
        Gen.Long.Select(l => (string?)l.ToString()), Gen.String[0, 60].Select(s => (string?)s));

    private static readonly Gen<string> Queries = Gen.Select(
        Gen.OneOf(Gen.Const((string?)null), FuzzBodies.Identifier.Select(s => (string?)s)),
        Gen.OneOf(Gen.Const((string?)null), Gen.String[0, 40].Select(s => (string?)s), Gen.Const<string?>(new string('p', 10_000))),
        Gen.Int[0, 5],
        (context, prefix, extra) =>
        {
            var parts = new List<string>();
            if (context is not null) parts.Add("context=" + Uri.EscapeDataString(context));
            if (prefix is not null) parts.Add("prefix=" + Uri.EscapeDataString(prefix));
            if (extra == 1) parts.Add("context=other");          // a repeated parameter
            if (extra == 2) parts.Add("limit=-1&cursor=%00");    // parameters the watch does not take
            if (extra == 3) parts.Add("context");                // a parameter without a value
            return "/v1/events" + (parts.Count == 0 ? "" : "?" + string.Join("&", parts));
        });

    [Fact]
    public async Task Watch_answers_any_query_and_last_event_id_with_a_4xx_problem_or_a_stream_never_a_5xx()
    {
        using var http = server.CreateClient();
        var slots = server.Services.GetRequiredService<EventStreamSlots>();
        var openBefore = slots.Open;

        await Gen.Select(Queries, LastEventIds).SampleAsync(async (path, lastEventId) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (lastEventId is not null) request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var status = (int)response.StatusCode;
            var said = $"GET {Shorten(path)} with Last-Event-ID {Shorten(lastEventId ?? "(none)")}";
            Assert.True(status < 500, $"{said} answered {status}");
            if (status == 200) await AssertStreamOpensAsync(response, said);
            else await AssertProblemAsync(response, said);
        }, iter: Iterations, threads: 1);

        await AssertSlotsReturnAsync(slots, openBefore);
    }

    [Fact]
    public async Task Server_keeps_serving_streams_after_hostile_watch_requests()
    {
        using var http = server.CreateClient();
        foreach (var id in new[] { "-1", new string('9', 400), "abc", "\u202E1" })
        {
            using var bad = new HttpRequestMessage(HttpMethod.Get, "/v1/events");
            bad.Headers.TryAddWithoutValidation("Last-Event-ID", id);
            (await http.SendAsync(bad, HttpCompletionOption.ResponseHeadersRead)).Dispose();
        }

        using var response = await http.GetAsync("/v1/events?context=still-there", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertStreamOpensAsync(response, "a plain watch");
    }

    /// <summary>A slot is given back when its request ends, which the server learns shortly after the client hangs up.</summary>
    private static async Task AssertSlotsReturnAsync(EventStreamSlots slots, int openBefore)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (slots.Open > openBefore && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.True(slots.Open <= openBefore, $"{slots.Open - openBefore} stream slots still taken after every stream was closed");
    }

    private static async Task AssertStreamOpensAsync(HttpResponseMessage response, string said)
    {
        Assert.True(response.Content.Headers.ContentType?.MediaType == "text/event-stream", $"{said}: a 200 that is not an event stream");
        await using var body = await response.Content.ReadAsStreamAsync();
        await using var items = SseParser.Create(body).EnumerateAsync().GetAsyncEnumerator();
        Assert.True(await items.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)), $"{said}: the stream ended at once");
        Assert.Equal(LockEventTypes.Heartbeat, items.Current.EventType);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string said)
    {
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{said}: {(int)response.StatusCode} without a problem body");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.TryGetProperty("detail", out var detail) && detail.GetString()?.Length > 0, $"{said}: a problem without a message");
    }

    private static string Shorten(string text) => text.Length > 120 ? text[..120] + "…" : text;
}
