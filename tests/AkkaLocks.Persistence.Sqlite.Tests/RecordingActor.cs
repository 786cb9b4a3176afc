using Akka.Actor;
using Akka.Persistence;

namespace AkkaLocks.Persistence.Sqlite.Tests;

/// <summary>A persistent actor that records strings, snapshots and deletes on request, and tells what it recovered.</summary>
public sealed class RecordingActor : ReceivePersistentActor
{
    private readonly List<string> _events = [];
    private IActorRef _requester = ActorRefs.Nobody;
    private string? _snapshot;

    public RecordingActor(string persistenceId)
    {
        PersistenceId = persistenceId;
        Recover<string>(_events.Add);
        Recover<SnapshotOffer>(offer => _snapshot = (string)offer.Snapshot);
        Command<Record>(r => PersistAll(r.Values, _events.Add));
        // Each callback answers its command's sender, as Sender, so the journal must hand every answer back with it.
        Command<RecordThenDefer>(r =>
        {
            Persist(r.First, e => { _events.Add(e); Sender.Tell("persisted " + e); });
            DeferAsync(r.Deferred, d => Sender.Tell("deferred " + d));
            Persist(r.Second, e => { _events.Add(e); Sender.Tell("persisted " + e); });
        });
        Command<RecordUnserializable>(_ => { _requester = Sender; Persist(new Unserializable(), _ => { }); });
        Command<Snap>(s => { _requester = Sender; SaveSnapshot(s.State); });
        Command<DeleteUpTo>(d => { _requester = Sender; DeleteMessages(d.SequenceNr); });
        Command<SaveSnapshotSuccess>(s => _requester.Tell(s));
        Command<DeleteMessagesSuccess>(s => _requester.Tell(s));
        Command<GetState>(_ => Sender.Tell(new State([.. _events], _snapshot, LastSequenceNr)));
    }

    public override string PersistenceId { get; }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr) => _requester.Tell(new PersistRejected(cause));

    public static Props PropsFor(string persistenceId) => Props.Create(() => new RecordingActor(persistenceId));

    public sealed record Record(params string[] Values);

    /// <summary>Persist, defer, persist: the journal gets them as one request and must answer them in that order.</summary>
    public sealed record RecordThenDefer(string First, string Deferred, string Second);

    public sealed record Snap(string State);

    /// <summary>Persist an event no serializer can write: the journal must reject that write alone.</summary>
    public sealed record RecordUnserializable
    {
        public static readonly RecordUnserializable Instance = new();
    }

    public sealed record PersistRejected(Exception Cause);

    /// <summary>An event whose only property throws when read, as a serializer reads it.</summary>
    public sealed class Unserializable
    {
        public string Value => throw new InvalidOperationException("This event cannot be serialized.");
    }

    public sealed record DeleteUpTo(long SequenceNr);

    public sealed record GetState
    {
        public static readonly GetState Instance = new();
    }

    public sealed record State(IReadOnlyList<string> Events, string? Snapshot, long LastSequenceNr);
}
