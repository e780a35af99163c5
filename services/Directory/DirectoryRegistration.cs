using Identity.Directory.Storage;
using Identity.Directory.Storage.Sqlite;
using Identity.Directory.Tenancy;
using Identity.ServiceDefaults.Health;
using Identity.ServiceDefaults.Options;
using Microsoft.Extensions.Options;

namespace Identity.Directory;

internal static class DirectoryRegistration
{
    public static WebApplicationBuilder AddDirectory(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<DirectoryStorageOptions>(DirectoryStorageOptions.SectionName);
        builder.Services.AddSingleton(sp => SqliteDatabase.Open(sp.GetRequiredService<IOptions<DirectoryStorageOptions>>().Value.SqlitePath));
        builder.Services.AddSingleton<ITenantStore, SqliteTenantStore>();
        builder.Services.AddSingleton<TokenService>();
        builder.Services.AddHealthChecks().AddCheck<SqliteHealthCheck>("sqlite", tags: [HealthTags.Ready]);
        return builder;
    }
}
