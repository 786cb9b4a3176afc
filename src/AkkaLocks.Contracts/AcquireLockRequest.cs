using System.Text.Json;

namespace AkkaLocks.Contracts;

/// <summary>Body of <c>PUT /v1/locks/{context}/{name}</c>: take the lock, optionally waiting in the server's FIFO queue.</summary>
/// <param name="Owner">Who will hold the lock (a client or process id). Required.</param>
/// <param name="TtlMs">How long the grant lasts unless extended, in ms; absent = held until released.</param>
/// <param name="WaitMs">How long to wait in the lock's queue while someone else holds it, in ms; absent or 0 = answer 423 at once.</param>
/// <param name="Data">Any JSON object to keep with the lock while it is held.</param>
/// <param name="RequestId">Your id for this request: a retry with the same id returns the original outcome, never a second grant.</param>
public sealed record AcquireLockRequest(
    string Owner,
    long? TtlMs = null,
    long? WaitMs = null,
    JsonElement? Data = null,
    string? RequestId = null);
