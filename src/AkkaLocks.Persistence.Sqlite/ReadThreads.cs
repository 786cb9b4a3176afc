using System.Collections.Concurrent;

namespace AkkaLocks.Persistence.Sqlite;

/// <summary>
/// Threads of their own for reads (recoveries, snapshot loads). Microsoft.Data.Sqlite blocks its caller for every statement,
/// so that work must not run on the .NET thread pool the actor system's dispatchers share: at a start, a hundred shards
/// recovering at once would block enough pool threads to starve the shard coordinator. A blocked read holds one of these only.
/// </summary>
internal sealed class ReadThreads : TaskScheduler
{
    private readonly BlockingCollection<Task> _queue = new();

    public static readonly ReadThreads Instance = new(Math.Max(4, Environment.ProcessorCount * 2));

    private ReadThreads(int threads)
    {
        for (var i = 0; i < threads; i++)
            new Thread(Run) { IsBackground = true, Name = "akkalocks-sqlite-reader-" + i }.Start();
    }

    public override int MaximumConcurrencyLevel => int.MaxValue;

    public Task<T> Run<T>(Func<T> read) =>
        Task.Factory.StartNew(read, CancellationToken.None, TaskCreationOptions.DenyChildAttach, this);

    protected override void QueueTask(Task task) => _queue.Add(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Run()
    {
        foreach (var task in _queue.GetConsumingEnumerable()) TryExecuteTask(task);
    }
}
