using Identity.GroupRole.Storage;
using Identity.EmbeddedStorage;
using Identity.GroupRole.Storage.Sqlite;

namespace Identity.GroupRole.Tests.Storage;

/// <summary>The contract on a WAL SQLite file, as the DevHost runs it.</summary>
public sealed class SqliteGroupRoleStoreTests : GroupRoleStoreContract, IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "grouprole-tests-" + Guid.NewGuid().ToString("N"));
    private readonly List<SqliteDatabase> _databases = [];

    protected override Task<IGroupRoleStore> CreateStoreAsync()
    {
        var database = SqliteGroupRoleStore.Open(System.IO.Path.Combine(_folder, $"{_databases.Count}.db"));
        _databases.Add(database);
        return Task.FromResult<IGroupRoleStore>(new SqliteGroupRoleStore(database));
    }

    public void Dispose()
    {
        _databases.ForEach(d => d.Dispose());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
