using Microsoft.Data.Sqlite;

namespace Identity.Directory.Storage.Sqlite;

/// <summary>
/// Copies the WAL into the database file every second while the writer runs with
/// wal_autocheckpoint=0. With automatic checkpoints the commit that crossed 1,000 pages paid for the
/// copy and its two fsyncs, some 15 times a second under a stream of creates, copying the hot pages
/// (the newest table and index leaves) again each time; now each changed page is copied about once
/// per interval, and the bulk of it on a connection of its own (PASSIVE: it neither waits for nor
/// blocks readers and the writer).
/// <para>
/// The WAL only starts over from its beginning when a write finds it fully copied, which a
/// checkpoint running beside the writer never leaves behind (the writer appended meanwhile). So after
/// each background pass the writer copies the few frames it added since, between two batches
/// (<see cref="CatchUp"/>); its next write can then reuse the file instead of growing it.
/// </para>
/// </summary>
internal sealed partial class WalCheckpointer(string connectionString, TimeSpan interval, ILogger logger) : IDisposable
{
    private const string Checkpoint = "PRAGMA wal_checkpoint(PASSIVE);";
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;
    private long _writes;
    private long _checkpointedAt;
    private int _catchUpDue;

    public void Start() => _loop ??= Task.Run(RunAsync);

    /// <summary>The writer committed a batch.</summary>
    public void Committed() => Interlocked.Increment(ref _writes);

    /// <summary>
    /// Called by the writer between batches, outside any transaction: after a background pass,
    /// copies what was appended during it, so that the next write can restart the WAL.
    /// </summary>
    public void CatchUp(SqliteConnection writer)
    {
        if (Interlocked.Exchange(ref _catchUpDue, 0) == 0)
        {
            return;
        }
        try
        {
            using var command = writer.CreateCommand();
            command.CommandText = Checkpoint;
            command.ExecuteNonQuery();
        }
        catch (Exception ex)
        {
            // Never out of the writer's loop: a failed catch-up only delays the WAL's restart.
            LogCheckpointFailed(logger, ex);
        }
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
            {
                var writes = Interlocked.Read(ref _writes);
                // Nothing committed since the last pass: nothing to copy.
                if (writes == _checkpointedAt)
                {
                    continue;
                }
                try
                {
                    await using var connection = new SqliteConnection(connectionString);
                    await connection.OpenAsync(_stopping.Token).ConfigureAwait(false);
                    await using var command = connection.CreateCommand();
                    command.CommandText = Checkpoint;
                    await command.ExecuteNonQueryAsync(_stopping.Token).ConfigureAwait(false);
                    _checkpointedAt = writes;
                    Volatile.Write(ref _catchUpDue, 1);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogCheckpointFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Disposed.
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        // A pass under way finishes first (bounded): its connection must not outlive the database.
        _loop?.Wait(TimeSpan.FromSeconds(10));
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite WAL checkpoint failed; retrying on the next pass")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
