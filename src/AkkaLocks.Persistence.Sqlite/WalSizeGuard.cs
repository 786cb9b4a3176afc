using Microsoft.Data.Sqlite;

namespace AkkaLocks.Persistence.Sqlite;

/// <summary>
/// Keeps SQLite's WAL file bounded under a load that never pauses. SQLite starts its WAL over only when a checkpoint
/// has copied every frame back into the database; <see cref="WalCheckpointer"/>'s passive checkpoints run beside the
/// writer, so under continuous writes each one is overtaken by commits made while it copied, and the file grew without
/// end (12.9 GB after 150 s of 64 uncontended workers). After a commit that leaves the file past its bound, the writer
/// itself runs a passive checkpoint: no commit can overtake it there, it copies only what the background checkpoint
/// left, and the next commit starts the file over (cut back to the journal size limit).
/// </summary>
internal sealed class WalSizeGuard(string databasePath, long maxBytes)
{
    /// <summary>Twice the writer connection's <c>journal_size_limit</c>: a file started over is cut back below it.</summary>
    public const long DefaultMaxBytes = 2 * SqliteDatabase.JournalSizeLimitBytes;

    private readonly FileInfo _wal = new(databasePath + "-wal");

    /// <summary>Checkpoints on the writer's connection when the WAL file is past its bound; call between transactions.</summary>
    public void AfterCommit(SqliteConnection writer)
    {
        _wal.Refresh();
        if (!_wal.Exists || _wal.Length <= maxBytes) return;
        try
        {
            using var checkpoint = writer.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            checkpoint.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // The background checkpoint holds the checkpoint lock: the next commit tries again.
        }
    }
}
