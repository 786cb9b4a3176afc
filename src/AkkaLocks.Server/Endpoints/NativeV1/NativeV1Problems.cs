using AkkaLocks.Contracts;
using AkkaLocks.Core;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AkkaLocks.Server.Endpoints.NativeV1;

/// <summary>The v1 API's RFC 9457 problem details: one place for titles, status codes and extension members.</summary>
internal static class NativeV1Problems
{
    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is invalid.");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    public static ProblemHttpResult Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "The lock is not in the state the request assumes.", extensions: extensions);

    /// <summary>423: someone else holds the lock; <c>holder</c> names them, <c>queueFull</c> says a wait was refused for want of room.</summary>
    public static ProblemHttpResult Locked(LockKey key, Busy busy) =>
        TypedResults.Problem(
            busy.QueueFull
                ? $"The lock {key} is held by another owner and its wait queue is full."
                : $"The lock {key} is held by another owner.",
            statusCode: StatusCodes.Status423Locked,
            title: "The lock is held by another owner.",
            extensions: new Dictionary<string, object?>
            {
                ["holder"] = NativeV1Mapping.SummaryOf(busy.Holder),
                ["queueFull"] = busy.QueueFull,
            });

    /// <summary>429: the owner holds as many locks as one owner may (<c>AkkaLocks:Limits:MaxLocksPerOwner</c>).</summary>
    public static ProblemHttpResult OwnerLimitReached(OwnerLimitReached limit) =>
        TypedResults.Problem(
            $"The owner {limit.Owner} already holds {limit.Limit} locks, the most one owner may hold; release some first.",
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "The owner holds too many locks.",
            extensions: new Dictionary<string, object?> { ["owner"] = limit.Owner, ["limit"] = limit.Limit });

    /// <summary>503: this server already serves as many event streams as it may (<c>AkkaLocks:Limits:MaxEventStreams</c>).</summary>
    public static ProblemHttpResult TooManyEventStreams(int max) =>
        TypedResults.Problem(
            $"This server already serves {max} event streams, the most it may (AkkaLocks:Limits:MaxEventStreams); retry later.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Too many event streams.",
            extensions: new Dictionary<string, object?> { ["limit"] = max });

    public static ProblemHttpResult GrantEnded(GrantEnded ended) =>
        Conflict($"The request {ended.RequestId} was granted (fencing token {ended.FencingToken}) and that grant has ended; a retry never gets a second grant.",
            new Dictionary<string, object?> { ["fencingToken"] = ended.FencingToken });

    public static InvalidOperationException Unexpected(LockReply reply) => new($"The engine answered {reply.GetType().Name} unexpectedly.");
}
