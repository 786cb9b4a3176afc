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
    private static readonly Task<IImmutableList<Exception>> NoneRejected = Task.FromResult<IImmutableList<Exception>>(null!);

    private readonly SqliteDatabase _database;
    private readonly Serialization _serialization;

    public SqliteJournal(Config config)
    {
        _database = SqliteDatabase.Use(SqlitePluginConfig.ConnectionString(config), SqlitePluginConfig.WriteAheadLog(config));
        _serialization = Context.System.Serialization;
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

    /// <summary>
    /// Serializes here, on the journal's thread, so a payload that cannot be serialized rejects its own atomic write only
    /// (the actor is told and carries on); the rest go to the writer together, as one all-or-nothing request. Runs for every
    /// persist, so it allocates no more than the request itself: the outcomes list only once a write is rejected.
    /// </summary>
    protected override Task<IImmutableList<Exception>> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken)
    {
        var rows = new List<EventRow>();
        List<Exception>? outcomes = null;   // null: every write accepted, which Akka reads from a null list
        var accepted = 0;
        foreach (var write in messages)
        {
            var firstRow = rows.Count;
            try
            {
                AddRows(rows, (IImmutableList<IPersistentRepresentation>)write.Payload);
                if (outcomes is null) accepted++;
                else outcomes.Add(null!);
            }
            catch (Exception e)
            {
                rows.RemoveRange(firstRow, rows.Count - firstRow);   // an atomic write is stored whole or not at all
                outcomes ??= [.. Enumerable.Repeat<Exception>(null!, accepted)];
                outcomes.Add(e);
            }
        }
        var written = rows.Count == 0 ? Task.CompletedTask : _database.Writer.Submit(new AppendEvents(rows));
        return outcomes is not null ? written.ContinueWith(t => { t.GetAwaiter().GetResult(); return (IImmutableList<Exception>)outcomes.ToImmutableList(); }, TaskScheduler.Default)
            : written.IsCompletedSuccessfully ? NoneRejected
            : AfterWritten(written);
    }

    protected override Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken) =>
        _database.Writer.Submit(new DeleteEvents(persistenceId, toSequenceNr));

    protected override void PostStop()
    {
        _database.Leave();
        base.PostStop();
    }

    private static async Task<IImmutableList<Exception>> AfterWritten(Task written)
    {
        await written.ConfigureAwait(false);
        return null!;
    }

    /// <summary>By index: enumerating an immutable list allocates its enumerator, once per persist.</summary>
    private void AddRows(List<EventRow> rows, IImmutableList<IPersistentRepresentation> payload)
    {
        for (var i = 0; i < payload.Count; i++) rows.Add(ToRow(payload[i]));
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
