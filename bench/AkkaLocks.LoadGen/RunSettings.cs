namespace AkkaLocks.LoadGen;

/// <summary>The run-wide settings echoed in the report.</summary>
internal sealed record RunSettings(TimeSpan Warmup, TimeSpan Duration, TimeSpan Ttl);
