using System.Buffers.Text;
using System.Text;
using AkkaLocks.Contracts;
using AkkaLocks.Core;
using AkkaLocks.Engine;
using AkkaLocks.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AkkaLocks.Server.Endpoints.NativeV1;

/// <summary><c>GET /v1/locks</c>: held locks, ordered by context and name, in pages with an opaque cursor.</summary>
internal static class NativeV1ListEndpoint
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static void MapLockListEndpoint(this RouteGroupBuilder v1) =>
        v1.MapGet("/locks", ListAsync).WithName("ListLocks").RequireAuthorization(AccessPolicies.V1Read)
            .WithSummary($"List held locks, optionally of one context and with a name prefix; paged (limit {DefaultLimit} by default, at most {MaxLimit})");

    private static async Task<Results<Ok<LockPage>, ProblemHttpResult>> ListAsync(
        [FromQuery] string? context, [FromQuery] string? prefix, [FromQuery] int? limit, [FromQuery] string? cursor,
        ILockEngine engine, TimeProvider time, CancellationToken cancellationToken)
    {
        if (context is not null && IdentifierRules.Check(context, "context") is { } error) return NativeV1Problems.BadRequest(error);
        if (limit is < 1 or > MaxLimit) return NativeV1Problems.BadRequest($"The limit must be between 1 and {MaxLimit}.");
        string? after = null;
        if (cursor is not null && !TryDecodeCursor(cursor, out after)) return NativeV1Problems.BadRequest("The cursor is not one this API issued.");

        var take = limit ?? DefaultLimit;
        var now = time.GetUtcNow();
        var held = await engine.ListAsync(context, cancellationToken);
        var page = held
            .Where(l => prefix is null || l.Key.Name.StartsWith(prefix, StringComparison.Ordinal))
            .Where(l => after is null || string.CompareOrdinal(Position(l.Key), after) > 0)
            .Take(take + 1)
            .ToList();
        var items = page.Take(take).Select(l => NativeV1Mapping.InfoOf(l.Key, l.Holder, now)).ToList();
        var next = page.Count > take ? EncodeCursor(Position(page[take - 1].Key)) : null;
        return TypedResults.Ok(new LockPage(items, next));
    }

    // Context and name never contain '\u0001', and ordinal order of "context\u0001name" is the listing's order.
    private static string Position(LockKey key) => key.Context + "\u0001" + key.Name;

    private static string EncodeCursor(string position) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(position));

    private static bool TryDecodeCursor(string cursor, out string? position)
    {
        position = null;
        try
        {
            position = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return position.Contains('\u0001');
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
