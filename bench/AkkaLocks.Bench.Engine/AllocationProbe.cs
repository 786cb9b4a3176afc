using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace AkkaLocks.Bench.Engine;

/// <summary>
/// Which types a scenario allocates, by the runtime's own sampling: the GC raises an AllocationTick event about every
/// 100 KiB allocated, naming the type whose allocation crossed the mark, so a type's share of the ticks estimates its
/// share of the bytes. <see cref="GcProbe"/> says how much is allocated per cycle; this says what, to know where cutting
/// allocation would pay. Types only, no call stacks: enough to tell a message from a buffer from a closure.
/// </summary>
internal sealed class AllocationProbe : EventListener
{
    private const int AllocationTickEventId = 10;
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    private readonly ConcurrentDictionary<string, long> _bytesByType = new();

    /// <summary>Forgets what was sampled so far: the next report covers only what follows.</summary>
    public void Reset() => _bytesByType.Clear();

    /// <summary>The <paramref name="top"/> types by sampled bytes, as bytes per cycle over <paramref name="cycles"/>.</summary>
    public IEnumerable<string> Report(int top, long cycles)
    {
        var total = _bytesByType.Values.Sum();
        if (total == 0 || cycles == 0) yield break;
        foreach (var (type, bytes) in _bytesByType.OrderByDescending(t => t.Value).Take(top))
            yield return string.Create(CultureInfo.InvariantCulture, $"  {bytes * 100.0 / total,5:0.0} %  {bytes / (double)cycles,8:0} B/cycle  {type}");
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs tick)
    {
        if (tick.EventId != AllocationTickEventId || tick.Payload is null) return;
        var type = PayloadOf(tick, "TypeName") as string ?? "?";
        var bytes = Convert.ToInt64(PayloadOf(tick, "AllocationAmount64") ?? PayloadOf(tick, "AllocationAmount") ?? 0L, CultureInfo.InvariantCulture);
        _bytesByType.AddOrUpdate(type, bytes, (_, sum) => sum + bytes);
    }

    private static object? PayloadOf(EventWrittenEventArgs tick, string name)
    {
        var index = tick.PayloadNames?.IndexOf(name) ?? -1;
        return index >= 0 ? tick.Payload![index] : null;
    }
}
