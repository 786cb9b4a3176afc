namespace AkkaLocks.Contracts;

/// <summary>
/// One member in <see cref="ClusterStatus"/>. <paramref name="Status"/> is Akka's member status in lower kebab case
/// (<c>joining</c>, <c>weakly-up</c>, <c>up</c>, <c>leaving</c>, <c>exiting</c>, <c>down</c>, <c>removed</c>, ...);
/// <paramref name="Reachable"/> is false while the failure detector of some member suspects it.
/// </summary>
public sealed record ClusterMemberInfo(string Address, string Status, bool Reachable, IReadOnlyList<string> Roles);
