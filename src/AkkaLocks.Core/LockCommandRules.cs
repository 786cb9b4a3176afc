namespace AkkaLocks.Core;

/// <summary>The limits a command must meet before it can touch a lock (the key is checked when it is made).</summary>
public static class LockCommandRules
{
    /// <summary>Null when <paramref name="command"/> is acceptable, else a sentence saying why not.</summary>
    public static string? Check(LockCommand command) => command switch
    {
        AcquireLock a => OwnerRules.Check(a.Owner) ?? CheckHandle(a.NewHandle) ?? LockLimits.CheckTtl(a.Ttl) ?? LockLimits.CheckData(a.Data)
            ?? LockLimits.CheckWait(a.Wait) ?? LockLimits.CheckRequestId(a.RequestId),
        AbandonAcquire x => CheckHandle(x.Handle),
        ExtendLock x => CheckHandle(x.Handle) ?? LockLimits.CheckTtl(x.Ttl),
        ReleaseLock r when r.Handle is null && r.Owner is null => "A release needs the lock handle or the owner.",
        ReleaseLock r when r.Handle is not null => CheckHandle(r.Handle),
        ReleaseLock r => OwnerRules.Check(r.Owner),
        _ => null,
    };

    private static string? CheckHandle(string? handle) =>
        string.IsNullOrEmpty(handle) || handle.Length > 512 ? "The lock handle is missing or malformed." : null;
}
