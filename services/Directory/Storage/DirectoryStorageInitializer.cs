using Identity.Directory.Storage.Mongo;

namespace Identity.Directory.Storage;

/// <summary>
/// Prepares the configured store when the service starts, before it takes traffic: MongoDB's
/// indexes are created; the SQLite file is opened, which runs its schema steps.
/// </summary>
internal sealed class DirectoryStorageInitializer(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (DirectoryStorageRegistration.Options(services).IsMongo)
        {
            return services.GetRequiredService<MongoDirectoryDatabase>().EnsureIndexesAsync(cancellationToken);
        }
        services.GetRequiredService<SqliteDatabase>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
