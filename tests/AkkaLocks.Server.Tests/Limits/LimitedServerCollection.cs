namespace AkkaLocks.Server.Tests.Limits;

/// <summary>
/// The limit tests share one server with small limits (each uses owners and locks of its own): one more actor system
/// per class would only add load to a suite that runs its projects side by side.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LimitedServerCollection : ICollectionFixture<LimitedServerFactory>
{
    public const string Name = "Server with small limits";
}
