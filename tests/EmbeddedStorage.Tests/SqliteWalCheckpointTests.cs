namespace Identity.EmbeddedStorage.Tests;

/// <summary>The writer copies the WAL into the database once per interval, and then reuses it instead of growing it.</summary>
public sealed class SqliteWalCheckpointTests : IDisposable
{
    private readonly TestDatabase _file = new("checkpoint", checkpointInterval: TimeSpan.FromMilliseconds(20));

    [Fact]
    public async Task Writer_RunsWithoutAutomaticCheckpoints()
    {
        Assert.Equal(0, await _file.WriterPragmaAsync("wal_autocheckpoint"));
    }

    [Fact]
    public async Task BusyWriter_WalIsReusedNotGrown()
    {
        await ExecuteAsync("CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB NOT NULL)");
        var databaseBefore = new FileInfo(_file.Path).Length;

        // Sixteen writers that never pause, as under a stream of creates: the writer's checkpoints
        // between batches leave the WAL fully copied, so the next write starts it over.
        const int rows = 3200;
        const int writers = 16;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => InsertAsync(w * (rows / writers), rows / writers)));

        var walBytes = new FileInfo(_file.Path + "-wal").Length;
        Assert.True(new FileInfo(_file.Path).Length > databaseBefore + 100 * 4096, "checkpoints should have copied pages into the database");
        // Each row is a page of its own plus the pages above it: a WAL that never started over would
        // hold every frame; restarted after each checkpoint it holds an interval's worth.
        Assert.True(walBytes < rows * 4096L, $"the WAL should have been started over, not grown to {walBytes} bytes for {rows} rows");
        Assert.Equal(rows, await CountAsync());
    }

    public void Dispose() => _file.Dispose();

    private Task<int> ExecuteAsync(string sql) => _file.ExecuteAsync(sql);

    private async Task InsertAsync(int first, int count)
    {
        // One write per row, so the WAL takes a frame set per commit like a stream of creates.
        for (var i = first; i < first + count; i++)
        {
            await _file.ExecuteAsync("INSERT INTO blobs (id, data) VALUES ($id, zeroblob(4000))", i);
        }
    }

    private async Task<long> CountAsync()
    {
        await using var connection = await _file.Database.ConnectAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM blobs";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
