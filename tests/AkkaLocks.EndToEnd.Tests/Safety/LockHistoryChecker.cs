namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>
/// Checks a concurrent history of acquires and releases for the lock service's safety properties, using only
/// what the clients saw (their clock, the answers, the fencing tokens). Per lock:
/// <list type="number">
/// <item>Fencing tokens never repeat across grants.</item>
/// <item>Tokens follow real time: a grant that completed before another was invoked has the smaller token
///   (so tokens never go backwards, restarts included).</item>
/// <item>Mutual exclusion: a grant of token t' &gt; t is not acknowledged while t was certainly still held,
///   i.e. before t's release was even invoked and before t's TTL, counted from t's invocation, ran out.
///   This also catches an acknowledged grant lost in a restart.</item>
/// <item>An acknowledged release is not lost: the same client is not told later that it still holds that grant.</item>
/// </list>
/// Operations with an unknown outcome prove nothing and are only used where they could excuse a violation.
/// </summary>
public static class LockHistoryChecker
{
    public static CheckReport Check(IReadOnlyList<Operation> history)
    {
        var violations = new List<string>();
        var grants = 0;
        foreach (var perKey in history.GroupBy(o => o.Key))
        {
            var ops = perKey.OrderBy(o => o.Invoked).ToList();
            var granted = ops.Where(o => o is { Kind: OperationKind.Acquire, Outcome: Outcome.Ok, Token: not null, AlreadyHeld: false }).ToList();
            grants += granted.Count;
            CheckTokensAreUnique(perKey.Key, granted, violations);
            CheckTokensFollowRealTime(perKey.Key, granted, violations);
            CheckMutualExclusion(perKey.Key, ops, granted, violations);
            CheckReleasesAreNotLost(perKey.Key, ops, violations);
        }
        return new CheckReport(history.Count, grants, violations);
    }

    private static void CheckTokensAreUnique(string key, List<Operation> granted, List<string> violations)
    {
        foreach (var twice in granted.GroupBy(g => g.Token).Where(g => g.Count() > 1))
            violations.Add($"{key}: token {twice.Key} granted {twice.Count()} times (clients {string.Join(", ", twice.Select(g => g.Client))})");
    }

    private static void CheckTokensFollowRealTime(string key, List<Operation> granted, List<string> violations)
    {
        foreach (var earlier in granted)
        foreach (var later in granted.Where(l => l.Invoked > earlier.Completed && l.Token <= earlier.Token))
            violations.Add($"{key}: token {later.Token} (client {later.Client}) granted after token {earlier.Token} (client {earlier.Client}) had been acknowledged");
    }

    private static void CheckMutualExclusion(string key, List<Operation> ops, List<Operation> granted, List<string> violations)
    {
        foreach (var held in granted)
        {
            var certainlyHeldUntil = CertainlyHeldUntil(held, ops);
            foreach (var intruder in granted.Where(g => g.Token > held.Token && g.Completed < certainlyHeldUntil))
                violations.Add($"{key}: token {intruder.Token} (client {intruder.Client}) acknowledged at {intruder.Completed.TotalMilliseconds:0} ms while token {held.Token} (client {held.Client}) was held until at least {certainlyHeldUntil.TotalMilliseconds:0} ms");
        }
    }

    /// <summary>The holder cannot have lost the lock before its TTL (counted from its earliest possible grant) or its first release attempt.</summary>
    private static TimeSpan CertainlyHeldUntil(Operation grant, List<Operation> ops)
    {
        var expiry = grant.Ttl is { } ttl ? grant.Invoked + ttl : TimeSpan.MaxValue;
        var releasedFrom = ReleaseInvoked(grant, ops) ?? TimeSpan.MaxValue;
        return expiry < releasedFrom ? expiry : releasedFrom;
    }

    /// <summary>
    /// Clients run one operation at a time, so the release of a grant is the client's next operation on that
    /// lock, after any re-acquires that only returned the same grant or whose outcome is unknown, and after any
    /// release that certainly failed (refused before it was sent, as when the client's node had just been killed):
    /// the client still holds the grant then, and its next release ends it.
    /// </summary>
    private static TimeSpan? ReleaseInvoked(Operation grant, List<Operation> ops)
    {
        foreach (var op in ops.Where(o => o.Client == grant.Client && o.Invoked > grant.Completed))
        {
            if (op.Kind == OperationKind.Release)
            {
                if (op.Outcome == Outcome.Failed) continue;
                return op.Invoked;
            }
            var sameGrant = op.Outcome == Outcome.Unknown || (op.AlreadyHeld && op.Token == grant.Token);
            if (!sameGrant) return null;
        }
        return null;
    }

    private static void CheckReleasesAreNotLost(string key, List<Operation> ops, List<string> violations)
    {
        foreach (var clientOps in ops.GroupBy(o => o.Client))
        {
            var releasedTokens = new HashSet<long>();
            long? lastGranted = null;
            foreach (var op in clientOps)
            {
                if (op is { Kind: OperationKind.Acquire, Outcome: Outcome.Ok })
                {
                    if (op.AlreadyHeld && op.Token is { } again && releasedTokens.Contains(again))
                        violations.Add($"{key}: client {op.Client} was told it still holds token {again}, whose release had been acknowledged");
                    lastGranted = op.Token;
                }
                if (op is { Kind: OperationKind.Release, Outcome: Outcome.Ok } && lastGranted is { } released) releasedTokens.Add(released);
            }
        }
    }
}
