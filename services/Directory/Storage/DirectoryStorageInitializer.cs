using Identity.Directory.Storage.Mongo;

namespace Identity.Directory.Storage;

/// <summary>
/// Prepares the configured store when the service starts, before it takes traffic: MongoDB's
/// indexes are created and stored passwords purged; the SQLite file is opened, which runs its schema steps.
/// </summary>
internal sealed class DirectoryStorageInitializer(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (DirectoryStorageRegistration.Options(services).IsMongo)
        {
            return PrepareMongoAsync(services.GetRequiredService<MongoDirectoryDatabase>(), cancellationToken);
        }
        services.GetRequiredService<SqliteDatabase>();
        return Task.CompletedTask;
    }

    private static async Task PrepareMongoAsync(MongoDirectoryDatabase database, CancellationToken cancellationToken)
    {
        await database.EnsureIndexesAsync(cancellationToken);
        await MongoPasswordPurge.RunAsync(database, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
