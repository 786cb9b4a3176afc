using System.CommandLine;

namespace AkkaLocks.Bench.Engine;

/// <summary>The engine benchmark's options.</summary>
internal sealed class BenchOptions
{
    public Option<string[]> Variants { get; } = new("--variant")
    {
        Description = "NAME=HOCON laid over the server's configuration; repeatable. The first is the baseline of the ratios. Default: one variant, 'server', as shipped.",
    };
    public Option<string> Workers { get; } = new("--workers") { Description = "Concurrent callers, comma-separated", DefaultValueFactory = _ => "1,64,512" };
    public Option<string> Workloads { get; } = new("--workloads") { Description = "uncontended, own-key, contended, comma-separated", DefaultValueFactory = _ => "uncontended,contended" };
    public Option<double> Duration { get; } = new("--duration") { Description = "Measured seconds per scenario", DefaultValueFactory = _ => 5 };
    public Option<double> Warmup { get; } = new("--warmup") { Description = "Unmeasured warm-up seconds per scenario", DefaultValueFactory = _ => 1 };
    public Option<int> Rounds { get; } = new("--rounds") { Description = "Rounds; variants alternate within each, and the median round is reported", DefaultValueFactory = _ => 1 };
    public Option<long> MemoryKeys { get; } = new("--memory-keys") { Description = "Distinct keys of the memory run (0 skips it)", DefaultValueFactory = _ => 0 };
    public Option<string> MemoryPassivation { get; } = new("--memory-passivate-after") { Description = "akkalocks.entity.passivate-free-after in the memory run", DefaultValueFactory = _ => "5s" };
    public Option<string?> Markdown { get; } = new("--markdown") { Description = "Markdown file whose engine section (between its markers) is rewritten, e.g. docs/benchmarks.md" };
    public Option<int> AllocationTypes { get; } = new("--allocation-types") { Description = "After each scenario, the N types it allocated most (the runtime's allocation sampling); 0 for none", DefaultValueFactory = _ => 0 };
    public Option<string?> DataRoot { get; } = new("--data") { Description = "Folder for the journals (a temp folder by default); on the disk being measured" };

    public IEnumerable<Option> All => [Variants, Workers, Workloads, Duration, Warmup, Rounds, MemoryKeys, MemoryPassivation, Markdown, DataRoot, AllocationTypes];
}
