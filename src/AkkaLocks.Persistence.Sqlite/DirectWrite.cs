using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;

namespace AkkaLocks.Persistence.Sqlite;

/// <summary>
/// One persistent actor's <see cref="WriteMessages"/> request, stored through the writer and answered from its
/// acknowledgement, without <c>AsyncWriteJournal</c>'s write path. That path wraps every write in a circuit breaker
/// (an async state machine and a timeout timer per write) and sends every answer through a resequencer actor (one more
/// message and mailbox hop per event and per deferred message) to restore an order that is kept here anyway: an actor
/// has at most one request in flight, and the writer acknowledges its requests in the order they came.
/// The answers are Akka's journal protocol, as that path gives them: <see cref="WriteMessagesSuccessful"/> (or
/// <see cref="WriteMessagesFailed"/>), then in the request's order one answer per event (success, rejection or failure)
/// and a <see cref="LoopMessageSuccess"/> per deferred message, each with the sender it was persisted with.
/// </summary>
internal sealed class DirectWrite
{
    private readonly WriteMessages _request;
    private readonly IReadOnlyList<IPersistentEnvelope> _envelopes;
    private readonly IActorRef _journal;
    private Exception?[]? _rejections;   // by envelope index, once one is rejected
    private int _atomicWrites;

    private DirectWrite(WriteMessages request, IActorRef journal)
    {
        _request = request;
        _journal = journal;
        // Akka hands over its own list; by index, with no enumerator to allocate per request.
        _envelopes = request.Messages as IReadOnlyList<IPersistentEnvelope> ?? request.Messages.ToList();
    }

    /// <summary>
    /// Serializes the events here, on the journal's thread, so one that cannot be serialized rejects its own atomic write
    /// only (the actor is told and carries on); the rest go to the writer as one all-or-nothing request.
    /// </summary>
    public static void Start(WriteMessages request, IActorRef journal, Func<IPersistentRepresentation, EventRow> toRow, IStoreWriter writer)
    {
        var write = new DirectWrite(request, journal);
        var rows = write.Serialize(toRow);
        var written = rows.Count == 0 ? Task.CompletedTask : writer.Submit(new AppendEvents(rows));
        if (written.IsCompleted) write.Answer(written);
        else written.ContinueWith(static (task, state) => ((DirectWrite)state!).Answer(task), write,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private List<EventRow> Serialize(Func<IPersistentRepresentation, EventRow> toRow)
    {
        var rows = new List<EventRow>(_envelopes.Count);
        for (var i = 0; i < _envelopes.Count; i++)
        {
            if (_envelopes[i] is not AtomicWrite write) continue;
            _atomicWrites++;
            var firstRow = rows.Count;
            try
            {
                var payload = Payload(write);
                for (var j = 0; j < payload.Count; j++) rows.Add(toRow(payload[j]));
            }
            catch (Exception e)
            {
                rows.RemoveRange(firstRow, rows.Count - firstRow);   // an atomic write is stored whole or not at all
                (_rejections ??= new Exception?[_envelopes.Count])[i] = e;
            }
        }
        return rows;
    }

    /// <summary>Runs once the writer has answered: on the thread that completed the write, never the writer's own.</summary>
    private void Answer(Task written)
    {
        var failure = written.IsCompletedSuccessfully ? null : written.Exception?.GetBaseException() ?? new TaskCanceledException(written);
        var actor = _request.PersistentActor;
        var instance = _request.ActorInstanceId;
        actor.Tell(failure is null ? WriteMessagesSuccessful.Instance : new WriteMessagesFailed(failure, _atomicWrites), _journal);
        for (var i = 0; i < _envelopes.Count; i++)
        {
            if (_envelopes[i] is not AtomicWrite write)
            {
                actor.Tell(new LoopMessageSuccess(_envelopes[i].Payload, instance), _envelopes[i].Sender);
                continue;
            }
            var rejection = _rejections?[i];
            var payload = Payload(write);
            for (var j = 0; j < payload.Count; j++)
            {
                var persistent = payload[j];
                object answer = rejection is not null ? new WriteMessageRejected(persistent, rejection, instance)
                    : failure is not null ? new WriteMessageFailure(persistent, failure, instance)
                    : new WriteMessageSuccess(persistent, instance);
                actor.Tell(answer, persistent.Sender);
            }
        }
    }

    private static IImmutableList<IPersistentRepresentation> Payload(AtomicWrite write) => (IImmutableList<IPersistentRepresentation>)write.Payload;
}
