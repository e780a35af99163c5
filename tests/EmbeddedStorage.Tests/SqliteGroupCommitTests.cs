using Identity.TestKit;
using Microsoft.Data.Sqlite;

namespace Identity.EmbeddedStorage.Tests;

/// <summary>The writer's group commit: writes that queue up commit together, and each still succeeds or fails alone.</summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private readonly TestDatabase _file = new("groupcommit");

    [Fact]
    public async Task QueuedWrites_OneFailsMidway_OnlyItsChangesAreRolledBack()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The first write holds the writer, so the next ones queue and commit as one batch.
        var holder = _file.Database.WriteAsync(async (c, t) => { await gate.Task; return await InsertAsync(c, t, 0); }, CancellationToken.None);
        var writes = Enumerable.Range(1, 10).Select(i => _file.Database.WriteAsync(async (c, t) =>
        {
            await InsertAsync(c, t, i);
            if (i == 5)
            {
                // Inserted, then failed: this row must not survive.
                throw new InvalidOperationException("write 5 fails after its insert");
            }
            return i;
        }, CancellationToken.None)).ToList();
        var duplicate = _file.Database.WriteAsync((c, t) => InsertAsync(c, t, 3), CancellationToken.None);
        gate.SetResult();

        await holder.WithTimeout();
        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => writes[4].WithTimeout());
        var conflict = await Assert.ThrowsAsync<SqliteException>(() => duplicate.WithTimeout());
        var succeeded = await Task.WhenAll(writes.Where((_, i) => i != 4)).WithTimeout();

        Assert.Equal("write 5 fails after its insert", failed.Message);
        Assert.Equal(19, conflict.SqliteErrorCode);
        Assert.Equal([1, 2, 3, 4, 6, 7, 8, 9, 10], succeeded);
        Assert.Equal([0, 1, 2, 3, 4, 6, 7, 8, 9, 10], await ReadAsync());
    }

    [Fact]
    public async Task QueuedWrite_CancelledBeforeItRuns_IsCancelledAndWritesNothing()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = _file.Database.WriteAsync(async (c, t) => { await gate.Task; return await InsertAsync(c, t, 1); }, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = _file.Database.WriteAsync((c, t) => InsertAsync(c, t, 2), cancel.Token);

        await cancel.CancelAsync();
        gate.SetResult();

        await holder.WithTimeout();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WithTimeout());
        Assert.Equal([1], await ReadAsync());
    }

    [Fact]
    public async Task Writer_KeepsSavepointJournalsInMemory()
    {
        // 2 = MEMORY: the savepoint per grouped write journals to memory, not to a temp file per batch.
        Assert.Equal(2, await _file.WriterPragmaAsync("temp_store"));
    }

    public void Dispose() => _file.Dispose();

    private static async Task<int> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, int x)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO items (x) VALUES ($x)";
        command.Parameters.AddWithValue("$x", x);
        await command.ExecuteNonQueryAsync();
        return x;
    }

    private async Task<List<long>> ReadAsync()
    {
        await using var connection = await _file.Database.ConnectAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT x FROM items ORDER BY x";
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<long>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetInt64(0));
        }
        return values;
    }
}
