using Identity.EmbeddedStorage.Migrations;
using Identity.TestKit;
using Microsoft.Data.Sqlite;

namespace Identity.EmbeddedStorage.Tests;

/// <summary>A SQLite database in a temp file for one test class: opened with <see cref="Schema"/>, written through the writer, deleted.</summary>
internal sealed class TestDatabase : IDisposable
{
    /// <summary>One table of integers, enough for the plumbing's tests.</summary>
    public static SqliteSchema Schema { get; } = new("test", [new(1, "items", "CREATE TABLE IF NOT EXISTS items (x INTEGER PRIMARY KEY);")]);

    public TestDatabase(string name, TimeSpan? checkpointInterval = null)
    {
        Path = NewPath(name);
        Database = SqliteDatabase.Open(Path, Schema, checkpointInterval: checkpointInterval);
    }

    /// <summary>A file name in the temp folder that no other test uses.</summary>
    public static string NewPath(string name) => System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"identity-{name}-{Guid.NewGuid():N}.db");

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

    public static void DeleteFiles(string path) => SqliteDatabase.DeleteFiles(path);
}
