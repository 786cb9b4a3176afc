using Akka.Configuration;

namespace AkkaLocks.Persistence.Sqlite.Tests;

public class SqlitePluginConfigTests
{
    [Fact]
    public void Apply_interval_defaults_to_100_ms()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(100), SqlitePluginConfig.ApplyInterval(ConfigurationFactory.ParseString("")));
    }

    [Theory]
    [InlineData("10ms", 10)]
    [InlineData("250ms", 250)]
    [InlineData("60s", 60_000)]
    public void Apply_interval_within_its_range_is_taken(string value, int milliseconds)
    {
        var config = ConfigurationFactory.ParseString($"apply-interval = {value}");

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), SqlitePluginConfig.ApplyInterval(config));
    }

    [Theory]
    [InlineData("0s")]
    [InlineData("9ms")]
    [InlineData("61s")]
    public void Apply_interval_outside_its_range_is_refused_with_the_range(string value)
    {
        var config = ConfigurationFactory.ParseString($"apply-interval = {value}");

        var refused = Assert.Throws<ConfigurationException>(() => SqlitePluginConfig.ApplyInterval(config));
        Assert.Contains("between 10 ms and 60 s", refused.Message);
    }
}
