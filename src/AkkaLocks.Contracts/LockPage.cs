namespace AkkaLocks.Contracts;

/// <summary>One page of <c>GET /v1/locks</c>; pass <paramref name="NextCursor"/> as <c>cursor</c> for the next page (null = last page).</summary>
public sealed record LockPage(IReadOnlyList<LockInfo> Items, string? NextCursor);
