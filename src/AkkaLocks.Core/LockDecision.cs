namespace AkkaLocks.Core;

/// <summary>What a command does: the events to persist (in order) and the reply to send once they are.</summary>
public sealed record LockDecision(LockReply Reply, IReadOnlyList<LockEvent> Events)
{
    public static LockDecision Answer(LockReply reply) => new(reply, []);

    public static LockDecision Change(LockReply reply, params LockEvent[] events) => new(reply, events);

    /// <summary>The same decision with <paramref name="first"/> persisted before its own events.</summary>
    public LockDecision After(LockEvent first) => this with { Events = [first, .. Events] };
}
