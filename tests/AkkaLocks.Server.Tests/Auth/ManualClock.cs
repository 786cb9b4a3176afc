namespace AkkaLocks.Server.Tests.Auth;

/// <summary>A clock the test moves by hand, so token expiry and lockouts are tested without sleeping.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
