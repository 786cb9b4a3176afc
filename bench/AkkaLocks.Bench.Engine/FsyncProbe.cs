using System.Diagnostics;

namespace AkkaLocks.Bench.Engine;

/// <summary>
/// The machine's rate of durable 4 KiB appends (write then fsync) in the journal's folder: the floor under every
/// durable commit, so the baseline each engine figure is divided by. One commit of SQLite in WAL mode with
/// synchronous=FULL costs at least one of these.
/// </summary>
internal static class FsyncProbe
{
    public static double AppendsPerSecond(string directory, TimeSpan duration)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "fsync-probe.bin");
        var block = new byte[4096];
        var count = 0;
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None))
        {
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < duration)
            {
                file.Write(block);
                file.Flush(flushToDisk: true);
                count++;
            }
            File.Delete(path);
            return count / watch.Elapsed.TotalSeconds;
        }
    }
}
