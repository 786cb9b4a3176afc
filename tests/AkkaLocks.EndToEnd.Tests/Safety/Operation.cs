namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>What a client asked for.</summary>
public enum OperationKind
{
    Acquire,
    Release,
}

/// <summary>
/// What the client knows of the outcome: <see cref="Ok"/> and <see cref="Failed"/> are certain (the
/// server answered, or the request was never sent); <see cref="Unknown"/> means it may or may not have
/// taken effect (a timeout, a connection cut mid-request).
/// </summary>
public enum Outcome
{
    Ok,
    Failed,
    Unknown,
}

/// <summary>
/// One operation of the history, with the client's monotonic clock at invocation and completion.
/// <paramref name="Token"/> is the fencing token of a granted acquire; <paramref name="AlreadyHeld"/>
/// marks an acquire answered "you hold it already" (esoco 208), which returns the existing grant's token.
/// </summary>
public sealed record Operation(
    int Client,
    string Key,
    OperationKind Kind,
    TimeSpan Invoked,
    TimeSpan Completed,
    Outcome Outcome,
    long? Token = null,
    TimeSpan? Ttl = null,
    bool AlreadyHeld = false);
