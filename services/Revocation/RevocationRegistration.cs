using Identity.Contracts.Directory.V1;
using Identity.Contracts.GroupRole.V1;
using Identity.Revocation.Feed;
using Identity.Revocation.Rebuild;
using Identity.Revocation.Reconciliation;
using Identity.Revocation.Grpc;
using Identity.Revocation.Storage;
using Identity.Revocation.Storage.InProcess;
using Identity.Revocation.Storage.Redis;
using Identity.ServiceDefaults.GrpcClients;
using Identity.ServiceDefaults.Health;
using Identity.ServiceDefaults.Options;
using Microsoft.Extensions.Options;

namespace Identity.Revocation;

internal static class RevocationRegistration
{
    public static WebApplicationBuilder AddRevocation(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<RevocationStorageOptions>(RevocationStorageOptions.SectionName)
            .ValidateStorageProvider(o => o.Provider, RevocationStorageOptions.InProcessProvider, RevocationStorageOptions.RedisProvider);
        builder.Services.AddValidatedOptions<RevocationFeedOptions>(RevocationFeedOptions.SectionName);
        builder.Services.AddGrpc(o => o.Interceptors.Add<StoreUnavailableInterceptor>());
        // Both are stateless over singletons: registered, gRPC reuses them instead of building
        // a service and an interceptor (and resolving their loggers) for every call.
        builder.Services.AddSingleton<StoreUnavailableInterceptor>();
        builder.Services.AddSingleton<RevocationGrpcService>();
        builder.Services.AddSingleton<FeedStreamer>();
        builder.Services.AddSingleton<RestoreGate>();

        // Chosen when first resolved, not while registering: callers (tests, the DevHost) add
        // their configuration after AddRevocation runs.
        builder.Services.AddSingleton(sp => RedisConnection.Connect(sp.GetRequiredService<IOptions<RevocationStorageOptions>>()));
        builder.Services.AddSingleton<IRevocationStore>(sp => IsRedis(sp)
            ? ActivatorUtilities.CreateInstance<RedisRevocationStore>(sp)
            : ActivatorUtilities.CreateInstance<InProcessRevocationStore>(sp));
        builder.Services.AddHealthChecks().AddCheck<RevocationStoreHealthCheck>("revocation-store", tags: [HealthTags.Ready]);
        builder.AddReconciler();
        return builder;
    }

    private static void AddReconciler(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddValidatedOptions<RevocationReconcilerOptions>(RevocationReconcilerOptions.SectionName);
        builder.Services.AddValidatedOptions<RebuildOptions>(RebuildOptions.SectionName);
        builder.Services.PostConfigure<RevocationReconcilerOptions>(o =>
        {
            // The suite-wide names of the addresses, shared with other services' clients.
            if (string.IsNullOrWhiteSpace(o.DirectoryAddress))
            {
                o.DirectoryAddress = configuration["Downstream:Directory"];
            }
            if (string.IsNullOrWhiteSpace(o.GroupRoleAddress))
            {
                o.GroupRoleAddress = configuration["Downstream:GroupRole"];
            }
        });
        builder.Services.PostConfigure<RevocationStorageOptions>(o =>
            o.FailClosedUntilRebuilt ??= !string.IsNullOrWhiteSpace(configuration["Reconciler:DirectoryAddress"] ?? configuration["Downstream:Directory"]));
        // Resolved only when a rebuild or a pass runs, so a Revocation without Directory starts fine.
        builder.Services.AddIdentityGrpcClient<DirectoryService.DirectoryServiceClient>(
            sp => new Uri(sp.GetRequiredService<IOptions<RevocationReconcilerOptions>>().Value.DirectoryAddress!),
            "identity.directory.v1.DirectoryService",
            ["ListTenants", "StreamInactiveUsers", "GetUser"]);
        builder.Services.AddIdentityGrpcClient<GroupRoleService.GroupRoleServiceClient>(
            sp => new Uri(sp.GetRequiredService<IOptions<RevocationReconcilerOptions>>().Value.GroupRoleAddress!),
            "identity.grouprole.v1.GroupRoleService",
            ["GetEffectiveRoles", "SetUserSuspended"]);
        builder.Services.AddSingleton<RepairMetrics>();
        builder.Services.AddSingleton<TenantRestorer>();
        builder.Services.AddHostedService<StartupRebuild>();
        builder.Services.AddSingleton<TenantReconciler>();
        builder.Services.AddSingleton<RevocationReconciler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RevocationReconciler>());
    }

    internal static bool IsRedis(IServiceProvider services) =>
        services.GetRequiredService<IOptions<RevocationStorageOptions>>().Value.IsRedis;
}
