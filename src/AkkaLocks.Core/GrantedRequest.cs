namespace AkkaLocks.Core;

/// <summary>A grant made for a request that carried a request id: who asked, with which id, and the token granted.</summary>
public sealed record GrantedRequest(string Owner, string RequestId, long FencingToken);
