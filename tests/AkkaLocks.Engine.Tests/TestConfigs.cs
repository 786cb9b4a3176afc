using Akka.Configuration;

namespace AkkaLocks.Engine.Tests;

internal static class TestConfigs
{
    /// <summary>Virtual time: the whole actor system runs on a scheduler the test advances by hand.</summary>
    public static readonly Config VirtualTime = ConfigurationFactory.ParseString("""
        akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
        """);
}
