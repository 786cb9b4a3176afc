namespace AkkaLocks.Server.Tests.Fuzz;

/// <summary>The lock and watch fuzzers share one open server: neither leaves a lock behind or depends on the other.</summary>
[CollectionDefinition(Name)]
public sealed class FuzzCollection : ICollectionFixture<AkkaLocksServerFactory>
{
    public const string Name = "Fuzzing an open server";
}
