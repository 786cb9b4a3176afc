namespace AkkaLocks.Cli;

/// <summary>One line of the service's current_locks: a target in a context and its holder text.</summary>
public sealed record HeldLockRow(string Context, string Target, string Holder);
