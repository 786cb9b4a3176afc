using Akka.Actor;
using Akka.Hosting;
using AkkaLocks.Core;

namespace AkkaLocks.Engine.Events;

/// <summary><see cref="ILockEventLog"/> over <see cref="LockEventLogActor"/>.</summary>
public sealed class ActorLockEventLog(IRequiredActor<LockEventLog> log, AkkaLocksEngineOptions options) : ILockEventLog
{
    public async Task<IReadOnlyList<LockEventRecord>> ReadAsync(
        LockKey key, LockEventCursor from, int max, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        var actor = await log.GetAsync(cancellationToken);
        // The actor answers by the end of the wait; the ask allows for that plus the usual margin.
        var batch = await actor.Ask<LockEventBatch>(new ReadLockEvents(key, from, max, wait), wait + options.AskTimeout, cancellationToken);
        return batch.Events;
    }

    public async Task<int> CountAsync(LockKey key, CancellationToken cancellationToken = default)
    {
        var actor = await log.GetAsync(cancellationToken);
        return (await actor.Ask<LockEventCount>(new CountLockEvents(key), options.AskTimeout, cancellationToken)).Count;
    }
}
