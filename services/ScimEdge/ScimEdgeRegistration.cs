using Identity.ScimEdge.Admin;
using Identity.ScimEdge.Auth;
using Identity.ScimEdge.Callers;
using Identity.ScimEdge.Downstream;
using Identity.ScimEdge.Endpoints.Bulk;
using Identity.ScimEdge.Endpoints.Groups;
using Identity.ScimEdge.Endpoints.Users;
using Identity.ScimEdge.Errors;
using Identity.ScimEdge.Lifecycle;
using Identity.ScimEdge.OpenApi;
using Identity.ScimEdge.Protection;
using Identity.ScimEdge.ProvisioningLog;
using Identity.ScimEdge.ReadCache;
using Identity.ScimEdge.Settings;
using Identity.ScimEdge.Tenancy;
using Identity.ServiceDefaults.Options;

namespace Identity.ScimEdge;

internal static class ScimEdgeRegistration
{
    public static WebApplicationBuilder AddScimEdge(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ScimOptions>(ScimOptions.SectionName);
        builder.Services.AddDownstreamClients();
        builder.Services.AddSingleton<BearerTokenAuthenticator>();
        builder.Services.AddSingleton<TenantSettingsCache>();
        builder.Services.AddSingleton<ScimRequestContextFactory>();
        builder.Services.AddScoped<ScimAuthFilter>();
        builder.Services.AddScoped<ExpensiveRequestFilter>();
        builder.Services.AddScoped<ScimExceptionFilter>();
        builder.Services.AddSingleton<AccessLifecycle>();
        builder.Services.AddValidatedOptions<UserCacheOptions>(UserCacheOptions.SectionName);
        builder.Services.AddSingleton<UserReadCache>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<UserReadCache>());
        builder.Services.AddSingleton<UserQueries>();
        builder.Services.AddSingleton<UserCommands>();
        builder.Services.AddSingleton<GroupQueries>();
        builder.Services.AddSingleton<GroupCommands>();
        builder.Services.AddSingleton<BulkProcessor>();
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName);
        builder.Services.AddSingleton<AdminCredential>();
        builder.Services.AddScoped<AdminKeyFilter>();
        builder.Services.AddScoped<AdminExceptionFilter>();
        builder.Services.AddValidatedOptions<ProvisioningLogOptions>(ProvisioningLogOptions.SectionName);
        builder.Services.AddSingleton<ProvisioningLogBuffer>();
        builder.Services.AddEdgeOpenApi();
        builder.AddEdgeProtection();
        return builder;
    }
}
