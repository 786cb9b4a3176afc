namespace AkkaLocks.Engine.Index;

/// <summary>
/// Asks the index to catch up with the other nodes' copy before it is relied on (a node that just joined);
/// answered with <see cref="HeldLocksSynced"/>, also when the other nodes did not answer in <paramref name="Timeout"/>.
/// </summary>
public sealed record SyncHeldLocks(TimeSpan Timeout);

public sealed record HeldLocksSynced
{
    public static readonly HeldLocksSynced Instance = new();
}
