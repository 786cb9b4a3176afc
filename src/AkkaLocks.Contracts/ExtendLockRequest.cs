namespace AkkaLocks.Contracts;

/// <summary>Body of <c>POST /v1/locks/{context}/{name}/extend</c>: restart the holder's TTL from now.</summary>
public sealed record ExtendLockRequest(string Handle, long TtlMs);
