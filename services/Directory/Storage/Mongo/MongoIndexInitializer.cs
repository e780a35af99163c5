using Microsoft.Extensions.Hosting;

namespace Identity.Directory.Storage.Mongo;

/// <summary>Creates the collections' indexes when the service starts, before it takes traffic.</summary>
internal sealed class MongoIndexInitializer(MongoDirectoryDatabase db) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => db.EnsureIndexesAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
