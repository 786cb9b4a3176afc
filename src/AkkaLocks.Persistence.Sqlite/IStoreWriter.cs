namespace AkkaLocks.Persistence.Sqlite;

/// <summary>Where the plugins send their writes, and what a read awaits so it sees every acknowledged write of its id.</summary>
internal interface IStoreWriter : IDisposable
{
    /// <summary>Queues the work; the task completes once it is durable, or fails with why it was not.</summary>
    Task Submit(WriteWork work);

    /// <summary>Completes once the database holds every acknowledged write of the persistence id.</summary>
    Task Settled(string persistenceId);
}
