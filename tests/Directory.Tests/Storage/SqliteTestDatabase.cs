using Identity.Directory.Storage.Sqlite;
using Identity.EmbeddedStorage;

namespace Identity.Directory.Tests.Storage;

/// <summary>A Directory SQLite database in a temp file for one test class: opened with Directory's schema, deleted.</summary>
internal sealed class SqliteTestDatabase : IDisposable
{
    public SqliteTestDatabase(string name)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"identity-{name}-{Guid.NewGuid():N}.db");
        Database = SqliteDatabase.Open(Path, DirectorySchema.Schema);
    }

    public string Path { get; }

    public SqliteDatabase Database { get; }

    public void Dispose()
    {
        Database.Dispose();
        DeleteFiles(Path);
    }

    /// <summary>Deletes a database file with its WAL and shared-memory files (see <see cref="SqliteDatabase.DeleteFiles"/>).</summary>
    public static void DeleteFiles(string path) => SqliteDatabase.DeleteFiles(path);
}
