namespace AkkaLocks.EndToEnd.Tests.Safety;

/// <summary>
/// A fact too heavy for the test command (it would starve the tests running beside it): it runs only in a soak,
/// when AKKALOCKS_SAFETY_SECONDS is set (./safety.sh sets it), and is skipped, saying so, otherwise.
/// </summary>
public sealed class SoakFactAttribute : FactAttribute
{
    public SoakFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("AKKALOCKS_SAFETY_SECONDS") is null)
            Skip = "A soak-only measurement: run ./safety.sh.";
    }
}
