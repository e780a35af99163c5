using Identity.Revocation.Feed;
using Identity.Revocation.Grpc;
using Identity.Revocation.Storage;
using Identity.Revocation.Storage.InProcess;
using Identity.Revocation.Storage.Redis;
using Identity.ServiceDefaults.Health;
using Identity.ServiceDefaults.Options;
using Microsoft.Extensions.Options;

namespace Identity.Revocation;

internal static class RevocationRegistration
{
    public static WebApplicationBuilder AddRevocation(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<RevocationStorageOptions>(RevocationStorageOptions.SectionName);
        builder.Services.AddValidatedOptions<RevocationFeedOptions>(RevocationFeedOptions.SectionName);
        builder.Services.AddGrpc(o => o.Interceptors.Add<StoreUnavailableInterceptor>());
        builder.Services.AddSingleton<FeedStreamer>();

        // Chosen when first resolved, not while registering: callers (tests, the DevHost) add
        // their configuration after AddRevocation runs.
        builder.Services.AddSingleton(sp => RedisConnection.Connect(sp.GetRequiredService<IOptions<RevocationStorageOptions>>()));
        builder.Services.AddSingleton<IRevocationStore>(sp => IsRedis(sp)
            ? ActivatorUtilities.CreateInstance<RedisRevocationStore>(sp)
            : ActivatorUtilities.CreateInstance<InProcessRevocationStore>(sp));
        builder.Services.AddHealthChecks().AddCheck<RevocationStoreHealthCheck>("revocation-store", tags: [HealthTags.Ready]);
        return builder;
    }

    internal static bool IsRedis(IServiceProvider services) => string.Equals(
        services.GetRequiredService<IOptions<RevocationStorageOptions>>().Value.Provider,
        RevocationStorageOptions.RedisProvider,
        StringComparison.OrdinalIgnoreCase);
}
