namespace AkkaLocks.Contracts;

/// <summary>
/// Answer of <c>GET /v1/locks/{context}/{name}/fence/{token}</c> (Chubby's CheckSequencer): whether a writer presenting
/// <paramref name="FencingToken"/> still holds the lock. <paramref name="CurrentFencingToken"/> is null when the lock is free.
/// </summary>
public sealed record FenceCheck(string Context, string Name, long FencingToken, bool IsCurrent, long? CurrentFencingToken);
