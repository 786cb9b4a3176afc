namespace AkkaLocks.Server.Endpoints.Dms;

/// <summary>The <c>AkkaLocks:Dms</c> section of the DMSContainer-compatible JSON-RPC surface.</summary>
public sealed class DmsOptions
{
    public const string Section = "AkkaLocks:Dms";

    /// <summary>
    /// The lock context DMS lock identifiers live in: DMS identifier <c>x</c> is esoco's context
    /// <c>Context</c>, target <c>x</c>, so both surfaces see and respect the same lock.
    /// </summary>
    public string Context { get; set; } = "default";
}
