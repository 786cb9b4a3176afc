using System.Text;

namespace AkkaLocks.Core;

/// <summary>The bounds every surface enforces before a request reaches a lock.</summary>
public static class LockLimits
{
    /// <summary>Lock data is a JSON object of at most this many UTF-8 bytes.</summary>
    public const int MaxDataBytes = 64 * 1024;

    public static readonly TimeSpan MinTtl = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaxTtl = TimeSpan.FromDays(30);

    public static readonly string TtlRangeMessage =
        $"The TTL must be between {MinTtl.TotalMilliseconds:0} ms and {MaxTtl.TotalDays:0} days.";

    /// <summary>Null when <paramref name="ttl"/> is absent (held until released) or in range.</summary>
    public static string? CheckTtl(TimeSpan? ttl) =>
        ttl is { } t && (t < MinTtl || t > MaxTtl) ? TtlRangeMessage : null;

    /// <summary>Null when <paramref name="json"/> is absent or small enough.</summary>
    public static string? CheckData(string? json) =>
        json is not null && Encoding.UTF8.GetByteCount(json) > MaxDataBytes
            ? $"The lock data is larger than {MaxDataBytes / 1024} KiB."
            : null;

    /// <summary>The longest a request may queue for a busy lock.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(15);

    /// <summary>Request ids (for idempotent retries) are at most this many characters.</summary>
    public const int MaxRequestIdLength = 256;

    /// <summary>Null when <paramref name="wait"/> is absent or between zero and <see cref="MaxWait"/>.</summary>
    public static string? CheckWait(TimeSpan? wait) =>
        wait is { } w && (w < TimeSpan.Zero || w > MaxWait)
            ? $"The wait must be between 0 ms and {MaxWait.TotalMinutes:0} minutes."
            : null;

    /// <summary>Null when <paramref name="requestId"/> is absent or acceptable.</summary>
    public static string? CheckRequestId(string? requestId) =>
        requestId is not null && (requestId.Length is 0 or > MaxRequestIdLength || requestId.Any(char.IsControl))
            ? $"The request id must be 1 to {MaxRequestIdLength} characters without control characters."
            : null;
}
