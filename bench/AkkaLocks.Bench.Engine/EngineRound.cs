namespace AkkaLocks.Bench.Engine;

/// <summary>One round: the machine's fsync rate measured just before, then every variant's scenarios.</summary>
internal sealed record EngineRound(double FsyncsPerSecond, IReadOnlyList<CycleResult> Results);
