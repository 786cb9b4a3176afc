using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.Snapshot;
using Akka.Serialization;

namespace AkkaLocks.Persistence.Sqlite;

/// <summary>
/// Akka.Persistence snapshot store in the journal's SQLite file, sharing its writer (and so its commits).
/// Configured under <c>akka.persistence.snapshot-store.akkalocks-sqlite</c> (hocon/persistence.sqlite.conf).
/// </summary>
public sealed class SqliteSnapshotStore : SnapshotStore
{
    private readonly SqliteDatabase _database;
    private readonly Serialization _serialization;

    public SqliteSnapshotStore(Config config)
    {
        _database = SqliteDatabase.Use(SqlitePluginConfig.ConnectionString(config), SqlitePluginConfig.WriteAheadLog(config), SqlitePluginConfig.ApplyInterval(config));
        _serialization = Context.System.Serialization;
    }

    protected override async Task<SelectedSnapshot> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken)
    {
        var latest = await _database.ReadAsync(persistenceId, connection => SnapshotReads.Latest(connection, persistenceId, criteria));
        return latest is var (metadata, payload) ? new SelectedSnapshot(metadata, payload.Restore(_serialization)) : null!;
    }

    protected override Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken)
    {
        var createdAt = metadata.Timestamp == DateTime.MinValue ? DateTime.UtcNow : metadata.Timestamp;
        var work = new SaveSnapshot(metadata.PersistenceId, metadata.SequenceNr, createdAt.Ticks, StoredPayload.Of(_serialization, snapshot));
        return _database.Writer.Submit(work);
    }

    protected override Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken) =>
        _database.Writer.Submit(new DeleteSnapshots(metadata.PersistenceId,
            new SnapshotSelectionCriteria(metadata.SequenceNr, DateTime.MaxValue, metadata.SequenceNr)));

    protected override Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken) =>
        _database.Writer.Submit(new DeleteSnapshots(persistenceId, criteria));

    protected override void PostStop()
    {
        _database.Leave();
        base.PostStop();
    }
}
