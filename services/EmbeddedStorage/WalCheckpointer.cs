using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Identity.EmbeddedStorage;

/// <summary>
/// Checkpoints the WAL once per interval (250 ms), from the writer's own loop between two batches,
/// while the writer runs with wal_autocheckpoint=0. With automatic checkpoints the commit that
/// crosses 1,000 pages pays for the copy and its two fsyncs, many times a second under a stream of
/// creates, copying the hot pages (the newest table and index leaves) again each time; here each page
/// changed within the interval is copied once. A longer interval copies less but holds the writer
/// longer (bench/README.md has the figures behind 250 ms).
/// <para>
/// Why on the writer and not on a connection or background service of its own: the WAL only starts
/// over from its beginning when a write finds it fully copied, which a checkpoint running beside a
/// busy writer never leaves behind, so the WAL grows without bound; and two checkpointers meet
/// SQLITE_BUSY, which Microsoft.Data.Sqlite retries for up to its command timeout, stalling
/// whichever is the writer.
/// </para>
/// </summary>
internal sealed partial class WalCheckpointer(TimeSpan interval, TimeProvider time, ILogger logger)
{
    private long _last = time.GetTimestamp();

    /// <summary>Called by the writer between batches, outside any transaction.</summary>
    public void CheckpointIfDue(SqliteConnection writer)
    {
        if (time.GetElapsedTime(_last) < interval)
        {
            return;
        }
        _last = time.GetTimestamp();
        try
        {
            using var command = writer.CreateCommand();
            // PASSIVE: copies what no reader still needs and never waits for readers.
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            command.ExecuteNonQuery();
        }
        catch (Exception ex)
        {
            // Never out of the writer's loop: a failed checkpoint is retried after the next interval.
            LogCheckpointFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite WAL checkpoint failed; retrying after the next interval")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
