namespace AkkaLocks.Server.Hosting;

/// <summary>When this process started serving, for /info and /api/status.</summary>
public sealed class ServiceClock(TimeProvider time)
{
    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();

    public TimeSpan Uptime => time.GetUtcNow() - StartedAt;
}
