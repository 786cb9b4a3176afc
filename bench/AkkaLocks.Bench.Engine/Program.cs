using System.CommandLine;
using System.Globalization;
using AkkaLocks.Bench.Engine;

var options = new BenchOptions();
var root = new RootCommand("AkkaLocks in-process engine benchmark: acquire/release through the shard region on the durable SQLite journal; run by ./bench.sh");
foreach (var option in options.All) root.Add(option);
root.SetAction(async (parse, ct) =>
{
    var variants = (parse.GetValue(options.Variants) ?? []).Select(BenchVariant.Parse).DefaultIfEmpty(BenchVariant.Server).ToList();
    var workers = parse.GetValue(options.Workers)!.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToList();
    var workloads = parse.GetValue(options.Workloads)!.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(CycleWorkload.Parse).ToList();
    var warmup = TimeSpan.FromSeconds(parse.GetValue(options.Warmup));
    var duration = TimeSpan.FromSeconds(parse.GetValue(options.Duration));
    var dataRoot = parse.GetValue(options.DataRoot) ?? Path.Combine(Path.GetTempPath(), "akkalocks-engine-bench-" + Guid.NewGuid().ToString("N")[..8]);
    var rounds = new List<EngineRound>();
    var allocationTypes = parse.GetValue(options.AllocationTypes);
    using var allocations = allocationTypes > 0 ? new AllocationProbe() : null;
    try
    {
        await WarmUpJitAsync(Path.Combine(dataRoot, "jit-warm-up"), workloads, Math.Min(64, workers.Max()));
        for (var round = 0; round < parse.GetValue(options.Rounds); round++)
        {
            var fsyncs = FsyncProbe.AppendsPerSecond(dataRoot, TimeSpan.FromSeconds(2));
            Console.WriteLine(FormattableString.Invariant($"round {round + 1}: {fsyncs:0} durable 4 KiB appends/s"));
            var results = new List<CycleResult>();
            foreach (var variant in variants)
            {
                await using var host = await EngineHost.StartAsync(Path.Combine(dataRoot, $"r{round}-{variant.Name}"), variant.Hocon);
                foreach (var workload in workloads)
                foreach (var count in workers)
                {
                    var result = await CycleRunner.RunAsync(variant.Name, host.Engine, workload, count, warmup, duration, allocations);
                    results.Add(result);
                    Console.WriteLine(FormattableString.Invariant(
                        $"{variant.Name,-14} {workload.Name,-11} {count,4} {result.CyclesPerSecond,9:0} cycles/s  {result.CyclesPerSecond / fsyncs,6:0.00} per fsync  acquire p50/p99 {result.AcquireP50Ms:0.00}/{result.AcquireP99Ms:0.00} ms  errors {result.Errors}  commits {result.Commits.Commits} ({result.Commits.WritesPerCommit:0.0} writes, {result.Commits.MeanCommitMs:0.00} ms each)  {result.CpuMicrosPerCycle:0} us CPU/cycle, {result.KibAllocatedPerCycle:0.0} KiB/cycle, GC paused {result.Gc.PausedShare:P0}"));
                    foreach (var line in allocations?.Report(allocationTypes, result.Cycles) ?? []) Console.WriteLine(line);
                }
            }
            rounds.Add(new EngineRound(fsyncs, results));
        }

        MemoryRun.Result? memory = null;
        if (parse.GetValue(options.MemoryKeys) is > 0 and var keys)
        {
            var passivation = parse.GetValue(options.MemoryPassivation)!;
            var memoryData = Path.Combine(dataRoot, "memory");
            await using var host = await EngineHost.StartAsync(memoryData, variants[^1].Hocon + "\nakkalocks.entity.passivate-free-after = " + passivation);
            memory = await MemoryRun.RunAsync(host, memoryData, keys, workers: 256, settleTimeout: TimeSpan.FromMinutes(5));
            Console.WriteLine(EngineReport.MemoryLine(memory));
        }

        if (parse.GetValue(options.Markdown) is { } markdown)
            await EngineReport.WriteSectionAsync(markdown, EngineReport.Render(variants, rounds, memory, parse.GetValue(options.MemoryPassivation)!, warmup, duration), ct);
        return rounds.SelectMany(r => r.Results).Any(r => r.Errors > 0) || memory is { Errors: > 0 } ? 1 : 0;
    }
    finally
    {
        try { Directory.Delete(dataRoot, recursive: true); } catch (IOException) { }
    }
});
return await root.Parse(args).InvokeAsync();

// The runtime recompiles hot methods with tiered, profile-guided JIT for several seconds after they first run; in a short
// scenario that compilation (a fifth of the CPU in a profile) would be measured as the engine's cost. One unmeasured pass
// of every workload first leaves the measured ones with the code a long-running server has.
static async Task WarmUpJitAsync(string dataFolder, IReadOnlyList<CycleWorkload> workloads, int workers)
{
    await using var host = await EngineHost.StartAsync(dataFolder, "");
    foreach (var workload in workloads)
        await CycleRunner.RunAsync("jit-warm-up", host.Engine, workload, workers, TimeSpan.Zero, TimeSpan.FromSeconds(3));
    Console.WriteLine("JIT warm-up done");
}
