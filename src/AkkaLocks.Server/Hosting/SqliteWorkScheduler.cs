using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace AkkaLocks.Server.Hosting;

/// <summary>
/// Threads of their own for the journal's SQLite work. Microsoft.Data.Sqlite blocks its caller for every statement (and
/// for the fsync of every commit), so that work must not run on the .NET thread pool, which the actor system's
/// dispatchers share: at a start, a hundred shards recovering at once blocked enough pool threads to starve the
/// shard coordinator (its writes timed out after 5 s). Here a blocked statement holds one of these threads only.
/// </summary>
internal sealed class SqliteWorkScheduler : TaskScheduler
{
    private readonly BlockingCollection<Task> _queue = new();

    public static readonly SqliteWorkScheduler Instance = new(Math.Max(4, Environment.ProcessorCount * 2));

    private SqliteWorkScheduler(int threads)
    {
        for (var i = 0; i < threads; i++)
            new Thread(Run) { IsBackground = true, Name = "akkalocks-sqlite-" + i }.Start();
    }

    public override int MaximumConcurrencyLevel => int.MaxValue;

    /// <summary>Continues the awaiting method on one of these threads.</summary>
    public static SwitchAwaitable SwitchTo() => default;

    protected override void QueueTask(Task task) => _queue.Add(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        Thread.CurrentThread.Name?.StartsWith("akkalocks-sqlite-", StringComparison.Ordinal) == true && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Run()
    {
        foreach (var task in _queue.GetConsumingEnumerable()) TryExecuteTask(task);
    }

    public readonly struct SwitchAwaitable : INotifyCompletion
    {
        public SwitchAwaitable GetAwaiter() => this;

        public bool IsCompleted => false;

        public void GetResult() { }

        public void OnCompleted(Action continuation) =>
            Task.Factory.StartNew(continuation, CancellationToken.None, TaskCreationOptions.DenyChildAttach, Instance);
    }
}
