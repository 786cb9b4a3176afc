namespace AkkaLocks.LoadGen;

/// <summary>
/// The in-process mutual-exclusion check: a worker increments a key's holder count after its acquire returns and
/// decrements it before it releases. Any maximum above 1 means two holders at once; it must stay 1.
/// </summary>
internal sealed class SafetyCounter(int keys)
{
    private readonly int[] holders = new int[keys];
    private int maximum;

    public int Maximum => Volatile.Read(ref maximum);

    public void Enter(int key)
    {
        var now = Interlocked.Increment(ref holders[key]);
        var seen = Volatile.Read(ref maximum);
        while (now > seen)
        {
            var previous = Interlocked.CompareExchange(ref maximum, now, seen);
            if (previous == seen) break;
            seen = previous;
        }
    }

    public void Leave(int key) => Interlocked.Decrement(ref holders[key]);
}
