using Identity.GroupRole.Storage.Sqlite;
using Identity.TestKit;
using Microsoft.Data.Sqlite;

namespace Identity.GroupRole.Tests.Storage;

/// <summary>GroupRole checkpoints in the background; under a stream of writes the WAL must still start over.</summary>
public sealed class SqliteCheckpointerTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"identity-grouprole-checkpoint-{Guid.NewGuid():N}.db");
    private readonly SqliteDatabase _database;

    public SqliteCheckpointerTests()
    {
        _database = SqliteDatabase.Open(_path);
    }

    [Fact]
    public async Task BusyWriters_WalIsReusedNotGrown()
    {
        await WriteAsync("CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB NOT NULL)", 0);
        // Sixteen writers that never pause, with background passes (as SqliteCheckpointer runs them) all along.
        const int rows = 3200;
        const int writers = 16;
        // Task.Run: SQLite's async calls complete synchronously, so each writer needs a thread of its own.
        var writing = Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = w * (rows / writers); i < (w + 1) * (rows / writers); i++)
            {
                await WriteAsync("INSERT INTO blobs (id, data) VALUES ($id, zeroblob(4000))", i);
            }
        })));
        // The passes run on a thread of their own: the writers keep the pool's threads busy.
        var passes = 0;
        var checkpointing = Task.Factory.StartNew(() =>
        {
            while (!writing.IsCompleted)
            {
                _database.CheckpointAsync(CancellationToken.None).GetAwaiter().GetResult();
                passes++;
                Thread.Sleep(5);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await writing.WithTimeout(TimeSpan.FromSeconds(60));
        await checkpointing.WithTimeout();

        var walBytes = new FileInfo(_path + "-wal").Length;
        Assert.True(passes > 1, "the passes should have run beside the writers");
        Assert.True(new FileInfo(_path).Length > 100 * 4096, "checkpoint passes should have copied pages into the database");
        // Without the writers' catch-up the WAL keeps growing (40-80 MB here); with it, 3-6 MB.
        Assert.True(walBytes < rows * 4096L, $"the WAL should have been started over, not grown to {walBytes} bytes for {rows} rows");
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

    private Task<int> WriteAsync(string sql, int id) => _database.WriteAsync(async (c, t) =>
    {
        await using var command = c.CreateCommand();
        command.Transaction = t;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteNonQueryAsync();
    }, CancellationToken.None).WithTimeout(TimeSpan.FromSeconds(60));
}
