using Identity.EmbeddedStorage;
using Identity.GroupRole.Storage.Mongo;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace Identity.GroupRole.Storage;

/// <summary>Ready when the configured store answers.</summary>
internal sealed class StorageHealthCheck(IServiceProvider services, IOptions<GroupRoleStorageOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IHealthCheck check = options.Value.IsMongo
            ? new MongoHealthCheck(services.GetRequiredService<IMongoDatabase>())
            : new SqliteHealthCheck(services.GetRequiredService<SqliteDatabase>());
        return check.CheckHealthAsync(context, cancellationToken);
    }
}
