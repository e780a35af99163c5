using Identity.Directory.Storage.Sqlite;
using Identity.TestKit;
using Microsoft.Data.Sqlite;

namespace Identity.Directory.Tests.Storage;

/// <summary>A Directory SQLite database in a temp file for one test class: opened, written through the writer, deleted.</summary>
internal sealed class SqliteTestDatabase : IDisposable
{
    public SqliteTestDatabase(string name, TimeSpan? checkpointInterval = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"identity-{name}-{Guid.NewGuid():N}.db");
        Database = SqliteDatabase.Open(Path, checkpointInterval: checkpointInterval);
    }

    public string Path { get; }

    public SqliteDatabase Database { get; }

    /// <summary>Runs <paramref name="sql"/> as one write, with <paramref name="id"/> bound to $id when given.</summary>
    public Task<int> ExecuteAsync(string sql, long? id = null) => Database.WriteAsync(async (c, t) =>
    {
        await using var command = c.CreateCommand();
        command.Transaction = t;
        command.CommandText = sql;
        if (id is { } value)
        {
            command.Parameters.AddWithValue("$id", value);
        }
        return await command.ExecuteNonQueryAsync();
    }, CancellationToken.None).WithTimeout();

    /// <summary>A PRAGMA's value as the writer's connection sees it.</summary>
    public Task<int> WriterPragmaAsync(string name) => Database.WriteAsync(async (c, t) =>
    {
        await using var command = c.CreateCommand();
        command.Transaction = t;
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }, CancellationToken.None).WithTimeout();

    public void Dispose()
    {
        Database.Dispose();
        DeleteFiles(Path);
    }

    /// <summary>Deletes a database file with its WAL and shared-memory files, once no pooled connection holds them.</summary>
    public static void DeleteFiles(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
