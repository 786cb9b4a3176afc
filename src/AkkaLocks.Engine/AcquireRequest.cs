namespace AkkaLocks.Engine;

/// <summary>What a caller asks for when it wants a lock.</summary>
/// <param name="Owner">The client id that will hold the lock.</param>
/// <param name="Ttl">How long the grant lasts unless extended; null holds it until released.</param>
/// <param name="Data">An optional JSON object to keep with the lock.</param>
/// <param name="ClientAddress">Where the request came from, shown to operators.</param>
/// <param name="TakeOver">Take the lock from another holder (admin only).</param>
/// <param name="User">The authenticated user asking, if any; only that user may then extend or release the lock.</param>
/// <param name="Wait">How long to queue (FIFO, on the server) while another owner holds the lock; null answers Busy at once.</param>
/// <param name="RequestId">The caller's id for this request, so a retry returns the original outcome and never a second grant.</param>
public sealed record AcquireRequest(
    string Owner,
    TimeSpan? Ttl = null,
    string? Data = null,
    string? ClientAddress = null,
    bool TakeOver = false,
    string? User = null,
    TimeSpan? Wait = null,
    string? RequestId = null);
