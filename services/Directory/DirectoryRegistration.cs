using Identity.Directory.Auditing;
using Identity.Directory.Grpc;
using Identity.Directory.Storage;
using Identity.Directory.Storage.Mongo;
using Identity.Directory.Storage.Sqlite;
using Identity.Directory.Tenancy;
using Identity.Directory.Users;
using Identity.ServiceDefaults.Health;
using Identity.ServiceDefaults.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Identity.Directory;

internal static class DirectoryRegistration
{
    public static WebApplicationBuilder AddDirectory(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<DirectoryStorageOptions>(DirectoryStorageOptions.SectionName);
        builder.Services.AddGrpc(options => options.Interceptors.Add<ErrorInterceptor>());
        builder.Services.AddSingleton<ErrorInterceptor>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ChangeNotifier>();
        builder.Services.AddSingleton<UserDirectory>();
        builder.Services.AddSingleton<UserListing>();
        builder.Services.AddSingleton<TokenService>();
        builder.Services.AddSingleton<TenantGuard>();
        builder.Services.AddSingleton<TenantAccess>();

        var provider = builder.Configuration[$"{DirectoryStorageOptions.SectionName}:{nameof(DirectoryStorageOptions.Provider)}"];
        if (string.Equals(provider, "Mongo", StringComparison.OrdinalIgnoreCase))
        {
            AddMongo(builder);
        }
        else
        {
            AddSqlite(builder);
        }
        return builder;
    }

    private static void AddSqlite(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => SqliteDatabase.Open(
            sp.GetRequiredService<IOptions<DirectoryStorageOptions>>().Value.SqlitePath, sp.GetRequiredService<ILogger<SqliteDatabase>>()));
        builder.Services.AddSingleton<ITenantStore, SqliteTenantStore>();
        builder.Services.AddSingleton<IUserStore, SqliteUserStore>();
        builder.Services.AddSingleton<IEventLog, SqliteEventLog>();
        builder.Services.AddHealthChecks().AddCheck<SqliteHealthCheck>("sqlite", tags: [HealthTags.Ready]);
    }

    private static void AddMongo(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DirectoryStorageOptions>>().Value;
            if (string.IsNullOrWhiteSpace(options.MongoConnectionString))
            {
                throw new OptionsValidationException(DirectoryStorageOptions.SectionName, typeof(DirectoryStorageOptions),
                    ["Storage__MongoConnectionString is required when Storage__Provider is Mongo."]);
            }
            return MongoDirectoryDatabase.Connect(options.MongoConnectionString, options.MongoDatabase);
        });
        builder.Services.AddHostedService<MongoIndexInitializer>();
        builder.Services.AddSingleton<ITenantStore, MongoTenantStore>();
        builder.Services.AddSingleton<IUserStore, MongoUserStore>();
        builder.Services.AddSingleton<IEventLog, MongoEventLog>();
        builder.Services.AddHealthChecks().AddCheck<MongoHealthCheck>("mongo", tags: [HealthTags.Ready]);
    }
}
