using System.CommandLine;
using System.Globalization;
using AkkaLocks.LoadGen;
using AkkaLocks.LoadGen.Targets;

var options = new LoadGenOptions();
var root = new RootCommand("AkkaLocks load generator: acquire/release cycles against AkkaLocks, Redis and etcd; run by ./bench.sh");
foreach (var option in options.All) root.Add(option);
root.SetAction(async (parse, ct) =>
{
    var ttl = TimeSpan.FromMilliseconds(parse.GetValue(options.TtlMs));
    var settings = new RunSettings(TimeSpan.FromSeconds(parse.GetValue(options.Warmup)), TimeSpan.FromSeconds(parse.GetValue(options.Duration)), ttl);
    var targets = new List<ILockTarget>();
    if (parse.GetValue(options.AkkaLocks) is { } akkaLocks)
    {
        targets.Add(new AkkaLocksNativeTarget(new Uri(akkaLocks), ttl));
        targets.Add(new AkkaLocksEsocoTarget(new Uri(akkaLocks), ttl));
        if (parse.GetValue(options.HttpCeiling)) targets.Add(new HttpCeilingTarget(new Uri(akkaLocks)));
    }
    if (parse.GetValue(options.Redis) is { } redis) targets.Add(RedisOf("redis", redis, ttl));
    if (parse.GetValue(options.RedisAof) is { } redisAof) targets.Add(RedisOf("redis-aof", redisAof, ttl));
    // etcd leases are whole seconds and outlive the TTL's purpose here: a worker's lease only ends with its session.
    if (parse.GetValue(options.Etcd) is { } etcd) targets.Add(new EtcdTarget(new Uri(etcd), TimeSpan.FromSeconds(30)));
    if (targets.Count == 0)
    {
        Console.Error.WriteLine("No target given: pass --akkalocks, --redis, --redis-aof and/or --etcd.");
        return 2;
    }

    var workers = parse.GetValue(options.Workers)!.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToList();
    var workloads = parse.GetValue(options.Workloads)!.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Workload.Parse).ToList();
    var runId = DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
    var runner = new ScenarioRunner(settings.Warmup, settings.Duration);
    var results = new List<ScenarioResult>();
    foreach (var workload in workloads)
    foreach (var count in workers)
    foreach (var target in targets.Where(t => t.Locks || !workload.Contended))
    {
        var result = await runner.RunAsync(target, workload, count, ct);
        results.Add(result);
        Console.WriteLine(FormattableString.Invariant(
            $"{workload.Name,-11} {count,3} {target.Name,-16} {result.CyclesPerSecond,9:0} cycles/s {result.BusyPerSecond,9:0} busy/s acquire p50/p99 {result.Acquire.P50Ms:0.00}/{result.Acquire.P99Ms:0.00} ms errors {result.Errors} max holders {result.MaxHolders}"));
        if (parse.GetValue(options.JsonLines) is { } jsonl) await JsonLinesReport.AppendAsync(jsonl, runId, result, ct);
    }

    foreach (var verdict in IssueTargets.Judge(results)) Console.WriteLine($"target: {verdict.Target}: {verdict.Measured}: {verdict.MetText}");
    if (HttpCeilingNote.Render(results) is { } ceiling) Console.WriteLine(ceiling);
    if (parse.GetValue(options.Markdown) is { } markdown)
        await File.WriteAllTextAsync(markdown, MarkdownReport.Render(runId, settings, results) + "\n" + await KeptSection.ReadAsync(markdown, ct), ct);
    // Two holders at once is the one figure that fails a run.
    return results.Any(r => r.MaxHolders > 1) ? 1 : 0;
});
return await root.Parse(args).InvokeAsync();

static RedisTarget RedisOf(string name, string address, TimeSpan ttl)
{
    var colon = address.LastIndexOf(':');
    return new RedisTarget(name, address[..colon], int.Parse(address[(colon + 1)..], CultureInfo.InvariantCulture), ttl);
}
