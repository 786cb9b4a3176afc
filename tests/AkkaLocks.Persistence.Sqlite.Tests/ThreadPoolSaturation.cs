namespace AkkaLocks.Persistence.Sqlite.Tests;

/// <summary>
/// Holds every thread the .NET thread pool may run until disposed, so a test can show that some work needs none of
/// them. It lowers the pool's limit for the whole process: tests using it belong to this collection, which runs alone.
/// </summary>
[CollectionDefinition(nameof(ThreadPoolSaturation), DisableParallelization = true)]
public sealed class ThreadPoolSaturation : IDisposable
{
    private readonly ManualResetEventSlim _release = new();
    private readonly int _maxWorkers;
    private readonly int _maxIo;

    private ThreadPoolSaturation()
    {
        ThreadPool.GetMaxThreads(out _maxWorkers, out _maxIo);
        ThreadPool.GetMinThreads(out var minWorkers, out _);
        var limit = Math.Max(minWorkers, Environment.ProcessorCount);   // the lowest limit the pool accepts
        if (!ThreadPool.SetMaxThreads(limit, _maxIo)) throw new InvalidOperationException($"The thread pool refused a limit of {limit}.");

        // Blockers first in the pool's queue: work queued after them runs only once one of them returns. Some may wait
        // behind threads the test runner itself holds (the test's own, for one); they still come before that work.
        for (var i = 0; i < limit; i++) ThreadPool.UnsafeQueueUserWorkItem(_ => _release.Wait(), null);
        var probe = new ManualResetEventSlim();
        ThreadPool.UnsafeQueueUserWorkItem(_ => probe.Set(), null);
        if (probe.Wait(TimeSpan.FromMilliseconds(200)))
        {
            Dispose();
            throw new InvalidOperationException("The thread pool still ran work queued after its blockers.");
        }
    }

    public static ThreadPoolSaturation Start() => new();

    public void Dispose()
    {
        _release.Set();
        ThreadPool.SetMaxThreads(_maxWorkers, _maxIo);
    }
}
