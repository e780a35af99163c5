using Identity.EmbeddedStorage;
using Identity.GroupRole.Storage.Mongo;
using Identity.GroupRole.Storage.Sqlite;
using Identity.ServiceDefaults.Health;
using Identity.ServiceDefaults.Options;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace Identity.GroupRole.Storage;

/// <summary>
/// Registers the store <c>Storage__Provider</c> names, validated when the host starts. The choice is
/// made when the store is first resolved, not here, so configuration added after AddGroupRole (tests,
/// DevHost) counts. SQLite checkpoints are taken by its writer (EmbeddedStorage), not by a service here.
/// </summary>
internal static class StorageRegistration
{
    public static IServiceCollection AddGroupRoleStorage(this IServiceCollection services)
    {
        services.AddValidatedOptions<GroupRoleStorageOptions>(GroupRoleStorageOptions.SectionName)
            .ValidateStorageProvider(o => o.Provider, GroupRoleStorageOptions.SqliteProvider, GroupRoleStorageOptions.MongoProvider)
            .Validate(o => !o.IsMongo || !string.IsNullOrWhiteSpace(o.MongoConnectionString),
                "Storage__MongoConnectionString is required when Storage__Provider is Mongo.");
        services.AddSingleton(sp => SqliteGroupRoleStore.Open(Options(sp).SqlitePath, sp.GetRequiredService<ILogger<SqliteDatabase>>()));
        services.AddSingleton<IMongoClient>(sp => new MongoClient(Options(sp).MongoConnectionString));
        services.AddSingleton(sp => sp.GetRequiredService<IMongoClient>().GetDatabase(Options(sp).MongoDatabase));
        services.AddSingleton<MongoTransactions>();
        services.AddSingleton<IGroupRoleStore>(sp => Options(sp).IsMongo
            ? new MongoGroupRoleStore(sp.GetRequiredService<IMongoDatabase>(), sp.GetRequiredService<MongoTransactions>())
            : new SqliteGroupRoleStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddHostedService<StorageInitializer>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("grouprole-store", tags: [HealthTags.Ready]);
        return services;
    }

    private static GroupRoleStorageOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<GroupRoleStorageOptions>>().Value;
}
