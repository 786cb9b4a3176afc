namespace AkkaLocks.Bench.Engine;

/// <summary>
/// Uncontended: every worker cycles through keys of its own (10,000 in all, as the HTTP harness), so no acquire waits
/// for another, and most acquires start a lock actor (a fresh entity) while the run is young. Own key: each worker
/// cycles on one key of its own, so its lock actor stays up and a cycle costs only its two persisted events. Contended: every worker asks for one key and waits in the lock's FIFO queue for it.
/// </summary>
internal sealed record CycleWorkload(string Name, int Keys, bool Contended)
{
    public static readonly CycleWorkload Uncontended = new("uncontended", 10_000, Contended: false);
    public static readonly CycleWorkload OwnKey = new("own-key", 0, Contended: false);
    public static readonly CycleWorkload FullyContended = new("contended", 1, Contended: true);

    public static CycleWorkload Parse(string name) => name switch
    {
        "uncontended" => Uncontended,
        "own-key" => OwnKey,
        "contended" => FullyContended,
        _ => throw new ArgumentException($"Unknown workload '{name}' (uncontended, own-key, contended)."),
    };
}
