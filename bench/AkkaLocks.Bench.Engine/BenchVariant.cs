namespace AkkaLocks.Bench.Engine;

/// <summary>A named configuration to measure: HOCON laid over the server's own files.</summary>
internal sealed record BenchVariant(string Name, string Hocon)
{
    public static readonly BenchVariant Server = new("server", "");

    public static BenchVariant Parse(string spec)
    {
        var equals = spec.IndexOf('=');
        return equals < 0 ? new BenchVariant(spec, "") : new BenchVariant(spec[..equals], spec[(equals + 1)..]);
    }
}
