using AkkaLocks.LoadGen;

namespace AkkaLocks.Bench.Tests;

public class HttpCeilingNoteTests
{
    [Fact]
    public void Note_states_the_ceiling_against_each_anchor_and_the_native_apis_share_of_it()
    {
        var note = HttpCeilingNote.Render(
        [
            Result("http-ceiling", 64, 8_000), Result("etcd", 64, 2_000), Result("redis-aof", 64, 20_000),
            Result("akkalocks-native", 64, 4_000), Result("http-ceiling", 16, 1),
        ]);

        Assert.NotNull(note);
        Assert.Contains(": 8000 cycles/s; 4.00x etcd; 0.40x redis-aof. AkkaLocks's native API reaches 0.50 of it.", note);
    }

    [Fact]
    public void No_note_without_a_ceiling_at_64_uncontended_workers()
    {
        Assert.Null(HttpCeilingNote.Render([Result("etcd", 64, 2_000), Result("http-ceiling", 16, 8_000)]));
    }

    private static ScenarioResult Result(string target, int workers, double cyclesPerSecond) =>
        new(target, IsSubject: target.StartsWith("akkalocks", StringComparison.Ordinal), "uncontended", workers, Seconds: 5, Cycles: (long)(cyclesPerSecond * 5),
            cyclesPerSecond, BusyPerSecond: 0, new LatencySummary(100, 0.5, 1, 1), new LatencySummary(100, 0.5, 1, 1),
            Errors: 0, MaxHolders: 1, FirstError: null);
}
