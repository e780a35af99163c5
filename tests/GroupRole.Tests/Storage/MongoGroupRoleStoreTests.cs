using Identity.GroupRole.Storage;
using Identity.GroupRole.Storage.Mongo;
using Identity.TestKit;
using MongoDB.Driver;

namespace Identity.GroupRole.Tests.Storage;

/// <summary>The contract on MongoDB; skipped, saying why, where no server can be had.</summary>
public sealed class MongoGroupRoleStoreTests : GroupRoleStoreContract
{
    private static readonly string DatabaseName = "identity_grouprole_test_" + Guid.NewGuid().ToString("N")[..8];

    protected override async Task<IGroupRoleStore> CreateStoreAsync()
    {
        var connectionString = await MongoTestServer.TryGetConnectionStringAsync().WithTimeout(TimeSpan.FromMinutes(4));
        Skip.If(connectionString is null, MongoTestServer.SkipReason);
        var client = new MongoClient(connectionString);
        var database = client.GetDatabase(DatabaseName);
        await MongoIndexes.CreateAsync(database, CancellationToken.None).WithTimeout();
        return new MongoGroupRoleStore(database, new MongoTransactions(client, database));
    }
}
