namespace AkkaLocks.Engine.Index;

/// <summary>Registry key of the held-locks index actor.</summary>
public sealed class HeldLocksIndex;
