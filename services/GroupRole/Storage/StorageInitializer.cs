using Identity.GroupRole.Storage.Mongo;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace Identity.GroupRole.Storage;

/// <summary>Prepares the store at start: Mongo indexes are created; the SQLite file is opened (running its schema steps) by resolving the store.</summary>
internal sealed class StorageInitializer(IServiceProvider services, IOptions<GroupRoleStorageOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<IGroupRoleStore>();
        if (options.Value.IsMongo)
        {
            await MongoIndexes.CreateAsync(services.GetRequiredService<IMongoDatabase>(), cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
