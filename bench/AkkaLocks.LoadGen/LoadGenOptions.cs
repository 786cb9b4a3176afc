using System.CommandLine;

namespace AkkaLocks.LoadGen;

/// <summary>The load generator's options; a target takes part only when its address is given.</summary>
internal sealed class LoadGenOptions
{
    public Option<string?> AkkaLocks { get; } = new("--akkalocks") { Description = "AkkaLocks base URL (native and esoco APIs), e.g. http://127.0.0.1:5099" };
    public Option<bool> HttpCeiling { get; } = new("--http-ceiling") { Description = "Also measure the AkkaLocks server's /ping pairs (uncontended only): the most a lock API over its HTTP stack could reach here" };
    public Option<string?> Redis { get; } = new("--redis") { Description = "Redis without persistence, host:port" };
    public Option<string?> RedisAof { get; } = new("--redis-aof") { Description = "Redis with appendonly everysec, host:port" };
    public Option<string?> Etcd { get; } = new("--etcd") { Description = "etcd client URL (v3 JSON gateway), e.g. http://127.0.0.1:23790" };
    public Option<string> Workers { get; } = new("--workers") { Description = "Worker counts, comma-separated", DefaultValueFactory = _ => "1,16,64" };
    public Option<string> Workloads { get; } = new("--workloads") { Description = "uncontended, contended, comma-separated", DefaultValueFactory = _ => "uncontended,contended" };
    public Option<double> Duration { get; } = new("--duration") { Description = "Measured seconds per scenario", DefaultValueFactory = _ => 5 };
    public Option<double> Warmup { get; } = new("--warmup") { Description = "Unmeasured warm-up seconds per scenario", DefaultValueFactory = _ => 1 };
    public Option<int> TtlMs { get; } = new("--ttl-ms") { Description = "Lock TTL in ms", DefaultValueFactory = _ => 10_000 };
    public Option<string?> Markdown { get; } = new("--markdown") { Description = "Where to write the Markdown report (docs/benchmarks.md)" };
    public Option<string?> JsonLines { get; } = new("--jsonl") { Description = "Where to append one JSON line per scenario" };

    public IEnumerable<Option> All => [AkkaLocks, HttpCeiling, Redis, RedisAof, Etcd, Workers, Workloads, Duration, Warmup, TtlMs, Markdown, JsonLines];
}
