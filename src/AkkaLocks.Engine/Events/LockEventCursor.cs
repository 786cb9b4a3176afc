namespace AkkaLocks.Engine.Events;

/// <summary>Where a reader of a lock's events starts: the oldest kept, only what comes next, after an id, or at a time.</summary>
public abstract record LockEventCursor
{
    /// <summary>Every kept event.</summary>
    public static readonly LockEventCursor First = new FromFirst();

    /// <summary>Only events that arrive after the request.</summary>
    public static readonly LockEventCursor Last = new FromLast();

    public static LockEventCursor After(long id) => new AfterId(id);

    public static LockEventCursor Since(DateTimeOffset at) => new SinceTime(at);

    public sealed record FromFirst : LockEventCursor;

    public sealed record FromLast : LockEventCursor;

    public sealed record AfterId(long Id) : LockEventCursor;

    public sealed record SinceTime(DateTimeOffset At) : LockEventCursor;
}
