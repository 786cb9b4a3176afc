namespace AkkaLocks.LoadGen;

/// <summary>
/// What the workers fight over: <see cref="Keys"/> names picked at random (10,000 = uncontended, 1 = fully
/// contended). With <see cref="Contended"/> a busy answer is retried on the same key, by the target's own best
/// pattern (AkkaLocks' wait queue, etcd's blocking lock, a 1 ms spin for Redis and esoco); otherwise a busy answer
/// (two workers drew the same key) is counted and the worker draws another key.
/// </summary>
internal sealed record Workload(string Name, int Keys, bool Contended)
{
    public static readonly Workload Uncontended = new("uncontended", 10_000, Contended: false);
    public static readonly Workload FullyContended = new("contended", 1, Contended: true);

    public static Workload Parse(string name) => name switch
    {
        "uncontended" => Uncontended,
        "contended" => FullyContended,
        _ => throw new ArgumentException($"Unknown workload '{name}' (uncontended, contended)."),
    };
}
