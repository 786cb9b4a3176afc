namespace AkkaLocks.Server.Tests.NativeV1;

/// <summary>
/// The v1 test classes share one real server (each test uses contexts of its own, so order never matters):
/// one more actor system per class would only add load to a suite that runs its projects side by side.
/// </summary>
[CollectionDefinition(Name)]
public sealed class NativeV1Collection : ICollectionFixture<AkkaLocksKestrelServer>
{
    public const string Name = "Native v1 over Kestrel";
}
