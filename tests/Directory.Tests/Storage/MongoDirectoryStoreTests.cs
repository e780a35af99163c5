using Identity.Directory.Storage.Mongo;
using Identity.TestKit;

namespace Identity.Directory.Tests.Storage;

/// <summary>
/// The contract suite on MongoDB: against IDENTITY_TEST_MONGO, or a Testcontainers mongo where
/// Docker answers; skipped with MongoTestServer.SkipReason otherwise. Each test gets its own database.
/// </summary>
public sealed class MongoDirectoryStoreTests : DirectoryStoreContract
{
    private MongoDirectoryDatabase? _db;

    protected override async Task<StoreSet> OpenAsync()
    {
        var connection = await MongoTestServer.TryGetConnectionStringAsync();
        Skip.If(connection is null, MongoTestServer.SkipReason);
        _db = MongoDirectoryDatabase.Connect(connection!, "identity_directory_test_" + Guid.NewGuid().ToString("N")[..12]);
        await _db.EnsureIndexesAsync(CancellationToken.None).WithTimeout(TimeSpan.FromSeconds(60));
        return new StoreSet(new MongoUserStore(_db), new MongoTenantStore(_db), new MongoEventLog(_db, Time));
    }

    protected override async Task CloseAsync()
    {
        if (_db is not null)
        {
            await _db.Database.Client.DropDatabaseAsync(_db.Database.DatabaseNamespace.DatabaseName).WithTimeout();
        }
    }
}
