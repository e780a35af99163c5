using Microsoft.Extensions.DependencyInjection.Extensions;
using Identity.GroupRole.Domain;
using Identity.GroupRole.Grpc;
using Identity.GroupRole.Storage;
using Identity.GroupRole.Storage.Sqlite;
using Identity.ServiceDefaults.Health;
using Identity.ServiceDefaults.Options;
using Microsoft.Extensions.Options;

namespace Identity.GroupRole;

internal static class GroupRoleRegistration
{
    public static WebApplicationBuilder AddGroupRole(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<GroupRoleStorageOptions>(GroupRoleStorageOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => SqliteDatabase.Open(sp.GetRequiredService<IOptions<GroupRoleStorageOptions>>().Value.SqlitePath));
        builder.Services.AddSingleton<IGroupRoleStore, SqliteGroupRoleStore>();
        builder.Services.AddHealthChecks().AddCheck<SqliteHealthCheck>("grouprole-sqlite", tags: [HealthTags.Ready]);
        builder.Services.AddSingleton<TenantLocks>();
        builder.Services.AddSingleton(sp => new EffectiveRoleCache(sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<GroupRoleStorageOptions>>().Value.EffectiveRolesCacheTtl));
        builder.Services.AddSingleton<MembershipService>();
        builder.Services.AddSingleton<EffectiveRoleResolver>();
        builder.Services.AddGrpc().AddServiceOptions<GroupRoleGrpcService>(o => o.Interceptors.Add<DomainErrorInterceptor>());
        return builder;
    }
}
