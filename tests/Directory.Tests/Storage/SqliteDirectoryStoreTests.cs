using Identity.Directory.Storage.Sqlite;

namespace Identity.Directory.Tests.Storage;

public sealed class SqliteDirectoryStoreTests : DirectoryStoreContract
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"identity-directory-{Guid.NewGuid():N}.db");
    private SqliteDatabase? _database;

    protected override Task<StoreSet> OpenAsync()
    {
        _database = SqliteDatabase.Open(_path);
        return Task.FromResult(new StoreSet(new SqliteUserStore(_database), new SqliteTenantStore(_database), new SqliteEventLog(_database)));
    }

    protected override Task CloseAsync()
    {
        _database?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
        return Task.CompletedTask;
    }
}
