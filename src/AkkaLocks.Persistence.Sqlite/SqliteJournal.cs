using System.Collections.Immutable;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.Journal;
using Akka.Serialization;

namespace AkkaLocks.Persistence.Sqlite;

/// <summary>
/// Akka.Persistence journal on one SQLite file. Every write request joins the writer's next transaction (group commit):
/// it is acknowledged once that transaction has committed to disk, and writes of many locks share one fsync.
/// Configured under <c>akka.persistence.journal.akkalocks-sqlite</c> (hocon/persistence.sqlite.conf).
/// </summary>
public sealed class SqliteJournal : AsyncWriteJournal
{
    private readonly SqliteDatabase _database;
    private readonly Serialization _serialization;
    private readonly Func<IPersistentRepresentation, EventRow> _toRow;   // one delegate for every write

    public SqliteJournal(Config config)
    {
        _database = SqliteDatabase.Use(SqlitePluginConfig.ConnectionString(config), SqlitePluginConfig.WriteAheadLog(config), SqlitePluginConfig.ApplyInterval(config));
        _serialization = Context.System.Serialization;
        _toRow = ToRow;
    }

    public override Task ReplayMessagesAsync(IActorContext context, string persistenceId, long fromSequenceNr, long toSequenceNr, long max,
        Action<IPersistentRepresentation> recoveryCallback) =>
        _database.ReadAsync(persistenceId, connection =>
        {
            EventReads.Replay(connection, persistenceId, fromSequenceNr, toSequenceNr, max, row => recoveryCallback(Replayed(row)));
            return true;
        });

    public override Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken) =>
        _database.ReadAsync(persistenceId, connection => EventReads.Highest(connection, persistenceId));

    /// <summary>Writes bypass the base class's write path (<see cref="DirectWrite"/>); recovery and deletions keep it.</summary>
    protected override bool AroundReceive(Receive receive, object message)
    {
        if (message is not WriteMessages write) return base.AroundReceive(receive, message);
        DirectWrite.Start(write, Self, _toRow, _database.Writer);
        return true;
    }

    /// <summary>Never called: <see cref="AroundReceive"/> takes every <see cref="WriteMessages"/> before the base class sees it.</summary>
    protected override Task<IImmutableList<Exception>> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Writes are answered by DirectWrite.");

    protected override Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken) =>
        _database.Writer.Submit(new DeleteEvents(persistenceId, toSequenceNr));

    protected override void PostStop()
    {
        _database.Leave();
        base.PostStop();
    }

    private EventRow ToRow(IPersistentRepresentation message)
    {
        var payload = message.Payload is Tagged tagged ? tagged.Payload : message.Payload;   // tags are not stored: no tag queries here
        var writtenAt = message.Timestamp != 0 ? message.Timestamp : DateTime.UtcNow.Ticks;
        return new EventRow(message.PersistenceId, message.SequenceNr, writtenAt, message.WriterGuid ?? "", StoredPayload.Of(_serialization, payload));
    }

    private Persistent Replayed(EventRow row) =>
        new(row.Payload.Restore(_serialization), row.SequenceNr, row.PersistenceId, writerGuid: row.WriterUuid, timestamp: row.WrittenAt);
}
