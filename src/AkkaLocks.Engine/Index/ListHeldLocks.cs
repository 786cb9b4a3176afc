namespace AkkaLocks.Engine.Index;

/// <summary>Asks the index for the locks held now, in one context or (null) in all; answered with <see cref="HeldLocks"/>.</summary>
public sealed record ListHeldLocks(string? Context);

/// <summary>The held locks, ordered by context then name.</summary>
public sealed record HeldLocks(IReadOnlyList<HeldLock> Locks);
