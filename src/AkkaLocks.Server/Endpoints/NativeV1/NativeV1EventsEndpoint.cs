using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using AkkaLocks.Contracts;
using AkkaLocks.Core;
using AkkaLocks.Engine.Events;
using AkkaLocks.Server.Auth;
using AkkaLocks.Server.Limits;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AkkaLocks.Server.Endpoints.NativeV1;

/// <summary>
/// <c>GET /v1/events</c>: every lock transition as Server-Sent Events (<c>event:</c> the transition, <c>id:</c> the
/// feed's number, <c>data:</c> <see cref="LockEventData"/>), with heartbeats, resumable with <c>Last-Event-ID</c>
/// within the feed's recent window. The feed is this node's: it carries the locks this node hosts.
/// </summary>
internal static class NativeV1EventsEndpoint
{
    /// <summary>How long a quiet stream goes before a heartbeat event.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    public static void MapLockEventsEndpoint(this RouteGroupBuilder v1) =>
        v1.MapGet("/events", Watch).WithName("WatchLockEvents").RequireAuthorization(AccessPolicies.V1Events)
            .WithSummary("Watch lock transitions as Server-Sent Events, optionally of one context and with a name prefix")
            .Produces<LockEventData>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static Results<ServerSentEventsResult<LockEventData>, ProblemHttpResult> Watch(
        [FromQuery] string? context, [FromQuery] string? prefix, [FromHeader(Name = "Last-Event-ID")] string? lastEventId,
        LockEventFeed feed, EventStreamSlots slots, HttpContext http, CancellationToken cancellationToken)
    {
        if (context is not null && IdentifierRules.Check(context, "context") is { } error) return NativeV1Problems.BadRequest(error);
        long? after = null;
        if (!string.IsNullOrEmpty(lastEventId))
        {
            if (!long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                return NativeV1Problems.BadRequest("Last-Event-ID must be an id this stream sent.");
            after = id;
        }
        // Counted while the request lasts, however it ends (the client hanging up included).
        if (slots.TryTake() is not { } slot)
        {
            http.Response.Headers.RetryAfter = "5";
            return NativeV1Problems.TooManyEventStreams(slots.Max);
        }
        http.Response.RegisterForDispose(slot);
        bool Filter(LockKey key) => (context is null || key.Context == context) && (prefix is null || key.Name.StartsWith(prefix, StringComparison.Ordinal));
        return TypedResults.ServerSentEvents(WithHeartbeats(feed.Subscribe(after, Filter, cancellationToken), cancellationToken));
    }

    /// <summary>The feed's entries as SSE items, with a heartbeat (no id, so resuming is unaffected) whenever it is quiet.</summary>
    private static async IAsyncEnumerable<SseItem<LockEventData>> WithHeartbeats(
        IAsyncEnumerable<LockFeedEvent> entries, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One pump reads the feed into a small channel, so waiting for the next entry can time out into a heartbeat.
        var channel = Channel.CreateBounded<LockFeedEvent>(new BoundedChannelOptions(16) { SingleReader = true, SingleWriter = true });
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var entry in entries.WithCancellation(cancellationToken)) await channel.Writer.WriteAsync(entry, cancellationToken);
                channel.Writer.TryComplete();
            }
            catch (Exception e)
            {
                channel.Writer.TryComplete(e is OperationCanceledException ? null : e);
            }
        }, CancellationToken.None);

        // A first heartbeat sends the headers now: a client knows it is subscribed once they arrive.
        yield return Heartbeat();
        while (!cancellationToken.IsCancellationRequested)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            quiet.CancelAfter(HeartbeatInterval);
            bool? more;   // null: quiet for a heartbeat interval
            try
            {
                more = await channel.Reader.WaitToReadAsync(quiet.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                more = null;
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
            if (more is null)
            {
                yield return Heartbeat();
                continue;
            }
            if (more == false) yield break;   // the feed ended this subscriber (too far behind): the client resumes by id
            while (channel.Reader.TryRead(out var entry))
            {
                var data = new LockEventData(entry.Key.Context, entry.Key.Name, entry.Owner, entry.FencingToken, entry.At, entry.Detail);
                yield return new SseItem<LockEventData>(data, entry.Transition) { EventId = entry.Id.ToString(CultureInfo.InvariantCulture) };
            }
        }
    }

    private static SseItem<LockEventData> Heartbeat() =>
        new(new LockEventData("", "", "", null, DateTimeOffset.UtcNow), LockEventTypes.Heartbeat);
}
