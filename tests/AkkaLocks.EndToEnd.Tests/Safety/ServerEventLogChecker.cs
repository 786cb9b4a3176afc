using AkkaLocks.Contracts;

namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>
/// Checks the server's own transition log, which also holds the grants no client heard of:
/// <list type="number">
/// <item>Exclusion as the server saw it: per lock, a grant is never published while an earlier grant is still
///   open (not yet released, expired or force-released), and tokens increase.</item>
/// <item>No grant is left with a caller that hung up: every grant to an abandoned owner ends, released by the server's
///   clean-up or, when the grant raced the hang-up, by its TTL; none is still held at the end.</item>
/// </list>
/// </summary>
public static class ServerEventLogChecker
{
    public static IReadOnlyList<string> CheckExclusion(IReadOnlyList<ServerEvent> events)
    {
        var violations = new List<string>();
        foreach (var perKey in events.GroupBy(e => e.Key))
        {
            ServerEvent? open = null;
            long lastToken = 0;
            foreach (var e in perKey.OrderBy(e => e.Id))
            {
                if (e.Type == LockEventTypes.Acquired)
                {
                    if (open is not null)
                        violations.Add($"{e.Key}: server granted token {e.Data.FencingToken} to {e.Data.Owner} (event {e.Id}) while token {open.Data.FencingToken} of {open.Data.Owner} was open");
                    if (e.Data.FencingToken <= lastToken)
                        violations.Add($"{e.Key}: server granted token {e.Data.FencingToken} after token {lastToken}");
                    open = e;
                    lastToken = Math.Max(lastToken, e.Data.FencingToken ?? 0);
                }
                else if (e.EndsAGrant && open is not null && e.Data.FencingToken == open.Data.FencingToken)
                {
                    open = null;
                }
            }
        }
        return violations;
    }

    /// <summary>What became of the grants made to callers that had hung up.</summary>
    public static AbandonedGrants CheckAbandonedGrants(IReadOnlyList<ServerEvent> events, IReadOnlySet<string> abandonedOwners)
    {
        var violations = new List<string>();
        var released = 0;
        var expired = 0;
        var longest = TimeSpan.Zero;
        var grants = events.Where(e => e.Type == LockEventTypes.Acquired && abandonedOwners.Contains(e.Data.Owner)).ToList();
        foreach (var grant in grants)
        {
            var end = events.FirstOrDefault(e => e.Id > grant.Id && e.Key == grant.Key && e.EndsAGrant && e.Data.FencingToken == grant.Data.FencingToken);
            if (end?.Type == LockEventTypes.Released)
            {
                released++;
                if (end.Data.Time - grant.Data.Time > longest) longest = end.Data.Time - grant.Data.Time;
            }
            else if (end?.Type == LockEventTypes.Expired)
            {
                expired++;
            }
            else
            {
                violations.Add($"{grant.Key}: token {grant.Data.FencingToken} was granted to {grant.Data.Owner}, who had hung up, and was {(end is null ? "still held at the end" : end.Type)}");
            }
        }
        var waitersLeft = events.Count(e => e.Type == LockEventTypes.WaiterLeft && e.Data.Detail == "abandoned" && abandonedOwners.Contains(e.Data.Owner));
        return new AbandonedGrants(abandonedOwners.Count, waitersLeft, grants.Count, released, expired, longest, violations);
    }
}

/// <summary>
/// Of <paramref name="Abandoned"/> acquires the client hung up on, <paramref name="LeftQueue"/> were dropped from a
/// lock's queue and <paramref name="Granted"/> had been granted, of which <paramref name="ReleasedByServer"/> the server
/// released itself (the slowest after <paramref name="LongestHeld"/>) and <paramref name="ExpiredByTtl"/> raced the hang-up
/// and ran to their TTL; the rest were answered before the hang-up.
/// </summary>
public sealed record AbandonedGrants(
    int Abandoned, int LeftQueue, int Granted, int ReleasedByServer, int ExpiredByTtl, TimeSpan LongestHeld, IReadOnlyList<string> Violations)
{
    public override string ToString() =>
        $"{Abandoned} acquires abandoned: {LeftQueue} left the queue, {Granted} granted to the gone caller, {ReleasedByServer} of them released by the server " +
        $"(held at most {LongestHeld.TotalMilliseconds:0} ms), {ExpiredByTtl} raced the hang-up and expired, {Violations.Count} leaked";
}
