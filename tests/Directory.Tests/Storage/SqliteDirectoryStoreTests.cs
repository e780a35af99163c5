using Identity.Directory.Storage.Sqlite;

namespace Identity.Directory.Tests.Storage;

public sealed class SqliteDirectoryStoreTests : DirectoryStoreContract
{
    private SqliteTestDatabase? _file;

    protected override Task<StoreSet> OpenAsync()
    {
        _file = new SqliteTestDatabase("directory");
        var database = _file.Database;
        return Task.FromResult(new StoreSet(new SqliteUserStore(database), new SqliteTenantStore(database), new SqliteEventLog(database)));
    }

    protected override Task CloseAsync()
    {
        _file?.Dispose();
        return Task.CompletedTask;
    }
}
