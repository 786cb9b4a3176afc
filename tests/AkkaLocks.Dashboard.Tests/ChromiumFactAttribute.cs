namespace AkkaLocks.Dashboard.Tests;

/// <summary>
/// A test that needs Debian's chromium (installed by ./test.sh when run as root). On a developer machine
/// without it the test is skipped with the reason; under CI it runs, and fails if chromium is missing.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = $"{ChromiumPath} is missing: install Debian's chromium package (./test.sh does when run as root).";
    }
}
