using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Identity.GroupRole.Storage.Sqlite;

/// <summary>
/// Checkpoints the WAL every couple of seconds, off the request path (connections run with
/// wal_autocheckpoint=0, otherwise the commit that crosses 1,000 pages pays for the copy).
/// </summary>
public sealed partial class SqliteCheckpointer(IServiceProvider services, IOptions<GroupRoleStorageOptions> options, TimeProvider time, ILogger<SqliteCheckpointer> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>Runs checkpoints on <paramref name="database"/> until cancelled; used by this service and by the benchmark.</summary>
    public static async Task RunAsync(SqliteDatabase database, TimeProvider time, ILogger logger, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await database.CheckpointAsync(stoppingToken);
                }
                catch (SqliteException ex)
                {
                    LogCheckpointFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.IsMongo
            ? Task.CompletedTask
            : RunAsync(services.GetRequiredService<SqliteDatabase>(), time, logger, stoppingToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite WAL checkpoint failed; retrying on the next tick")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
