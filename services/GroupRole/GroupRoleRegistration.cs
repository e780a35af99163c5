using Identity.GroupRole.Domain;
using Identity.GroupRole.Grpc;
using Identity.GroupRole.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Identity.GroupRole;

internal static class GroupRoleRegistration
{
    public static WebApplicationBuilder AddGroupRole(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddGroupRoleStorage();
        builder.Services.AddSingleton(sp => new EffectiveRoleCache(sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<GroupRoleStorageOptions>>().Value.EffectiveRolesCacheTtl));
        builder.Services.AddSingleton<MembershipService>();
        builder.Services.AddSingleton<EffectiveRoleResolver>();
        builder.Services.AddGrpc().AddServiceOptions<GroupRoleGrpcService>(o => o.Interceptors.Add<DomainErrorInterceptor>());
        return builder;
    }
}
