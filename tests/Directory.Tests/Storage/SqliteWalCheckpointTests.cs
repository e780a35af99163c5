using Identity.Directory.Storage.Sqlite;
using Identity.TestKit;
using Microsoft.Data.Sqlite;

namespace Identity.Directory.Tests.Storage;

/// <summary>The writer copies the WAL into the database once per interval, and then reuses it instead of growing it.</summary>
public sealed class SqliteWalCheckpointTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"identity-checkpoint-{Guid.NewGuid():N}.db");
    private readonly SqliteDatabase _database;

    public SqliteWalCheckpointTests()
    {
        _database = SqliteDatabase.Open(_path, checkpointInterval: TimeSpan.FromMilliseconds(20));
    }

    [Fact]
    public async Task Writer_RunsWithoutAutomaticCheckpoints()
    {
        var autoCheckpoint = await _database.WriteAsync(async (c, t) =>
        {
            await using var command = c.CreateCommand();
            command.Transaction = t;
            command.CommandText = "PRAGMA wal_autocheckpoint";
            return Convert.ToInt32(await command.ExecuteScalarAsync());
        }, CancellationToken.None).WithTimeout();

        Assert.Equal(0, autoCheckpoint);
    }

    [Fact]
    public async Task BusyWriter_WalIsReusedNotGrown()
    {
        await ExecuteAsync("CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB NOT NULL)");
        var databaseBefore = new FileInfo(_path).Length;

        // Sixteen writers that never pause, as under a stream of creates: the writer's checkpoints
        // between batches leave the WAL fully copied, so the next write starts it over.
        const int rows = 3200;
        const int writers = 16;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => InsertAsync(w * (rows / writers), rows / writers)));

        var walBytes = new FileInfo(_path + "-wal").Length;
        Assert.True(new FileInfo(_path).Length > databaseBefore + 100 * 4096, "checkpoints should have copied pages into the database");
        // Each row is a page of its own plus the pages above it: a WAL that never started over would
        // hold every frame (25-35 MB here); restarted after each checkpoint it holds an interval's worth.
        Assert.True(walBytes < rows * 4096L, $"the WAL should have been started over, not grown to {walBytes} bytes for {rows} rows");
        Assert.Equal(rows, await CountAsync());
    }

    public void Dispose()
    {
        _database.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private Task<int> ExecuteAsync(string sql) => _database.WriteAsync(async (c, t) =>
    {
        await using var command = c.CreateCommand();
        command.Transaction = t;
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }, CancellationToken.None).WithTimeout();

    private async Task InsertAsync(int first, int count)
    {
        // One write per row, so the WAL takes a frame set per commit like a stream of creates.
        for (var i = first; i < first + count; i++)
        {
            var id = i;
            await _database.WriteAsync(async (c, t) =>
            {
                await using var command = c.CreateCommand();
                command.Transaction = t;
                command.CommandText = "INSERT INTO blobs (id, data) VALUES ($id, zeroblob(4000))";
                command.Parameters.AddWithValue("$id", id);
                return await command.ExecuteNonQueryAsync();
            }, CancellationToken.None).WithTimeout();
        }
    }

    private async Task<long> CountAsync()
    {
        await using var connection = await _database.ConnectAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM blobs";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
