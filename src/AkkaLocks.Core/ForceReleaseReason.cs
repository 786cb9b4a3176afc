namespace AkkaLocks.Core;

/// <summary>Why a lock was taken from its holder.</summary>
public enum ForceReleaseReason
{
    /// <summary>An operator released this one lock.</summary>
    Admin = 0,

    /// <summary>An operator reset a whole context, or every lock.</summary>
    Reset = 1,

    /// <summary>A forced acquire took the lock over for another owner.</summary>
    TakeOver = 2,
}
