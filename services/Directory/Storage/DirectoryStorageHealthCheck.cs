using Identity.Directory.Storage.Mongo;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Identity.Directory.Storage;

/// <summary>Ready when the configured store answers.</summary>
internal sealed class DirectoryStorageHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IHealthCheck check = DirectoryStorageRegistration.Options(services).IsMongo
            ? new MongoHealthCheck(services.GetRequiredService<MongoDirectoryDatabase>())
            : new SqliteHealthCheck(services.GetRequiredService<SqliteDatabase>());
        return check.CheckHealthAsync(context, cancellationToken);
    }
}
