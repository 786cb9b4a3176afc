namespace AkkaLocks.LoadGen.Targets;

internal enum AttemptStatus { Acquired, Busy, Error }

/// <summary>What one acquire attempt gave: the token (handle, Redis value, etcd key) needed to release.</summary>
internal readonly record struct LockAttempt(AttemptStatus Status, string? Token = null, string? Error = null)
{
    public static LockAttempt Acquired(string token) => new(AttemptStatus.Acquired, token);
    public static readonly LockAttempt Busy = new(AttemptStatus.Busy);
    public static LockAttempt Failed(string error) => new(AttemptStatus.Error, Error: error);
}
