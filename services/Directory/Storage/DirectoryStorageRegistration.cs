using Identity.Directory.Auditing;
using Identity.Directory.Storage.Mongo;
using Identity.Directory.Storage.Sqlite;
using Identity.Directory.Tenancy;
using Identity.Directory.Users;
using Identity.ServiceDefaults.Health;
using Identity.ServiceDefaults.Options;
using Microsoft.Extensions.Options;

namespace Identity.Directory.Storage;

/// <summary>
/// Registers the stores <c>Storage__Provider</c> names, validated when the host starts. The choice
/// is made when a store is first resolved, not here, so configuration added after AddDirectory
/// (tests, the DevHost) counts.
/// </summary>
internal static class DirectoryStorageRegistration
{
    public static IServiceCollection AddDirectoryStorage(this IServiceCollection services)
    {
        services.AddValidatedOptions<DirectoryStorageOptions>(DirectoryStorageOptions.SectionName)
            .ValidateStorageProvider(o => o.Provider, DirectoryStorageOptions.SqliteProvider, DirectoryStorageOptions.MongoProvider)
            .Validate(o => !o.IsMongo || !string.IsNullOrWhiteSpace(o.MongoConnectionString),
                "Storage__MongoConnectionString is required when Storage__Provider is Mongo.");
        services.AddSingleton(sp => SqliteDatabase.Open(Options(sp).SqlitePath, DirectorySchema.Schema, sp.GetRequiredService<ILogger<SqliteDatabase>>()));
        services.AddSingleton(sp => MongoDirectoryDatabase.Connect(Options(sp).MongoConnectionString!, Options(sp).MongoDatabase));
        services.AddChosen<ITenantStore, SqliteTenantStore, MongoTenantStore>();
        services.AddChosen<IUserStore, SqliteUserStore, MongoUserStore>();
        services.AddChosen<IEventLog, SqliteEventLog, MongoEventLog>();
        services.AddHostedService<DirectoryStorageInitializer>();
        services.AddHealthChecks().AddCheck<DirectoryStorageHealthCheck>("directory-store", tags: [HealthTags.Ready]);
        return services;
    }

    internal static DirectoryStorageOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DirectoryStorageOptions>>().Value;

    private static void AddChosen<TService, TSqlite, TMongo>(this IServiceCollection services)
        where TService : class
        where TSqlite : class, TService
        where TMongo : class, TService
    {
        services.AddSingleton<TSqlite>();
        services.AddSingleton<TMongo>();
        services.AddSingleton<TService>(sp => Options(sp).IsMongo ? sp.GetRequiredService<TMongo>() : sp.GetRequiredService<TSqlite>());
    }
}
