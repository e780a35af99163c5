using Identity.Contracts.Directory.V1;
using Identity.Contracts.GroupRole.V1;
using Identity.Contracts.Revocation.V1;
using Identity.ServiceDefaults.GrpcClients;
using Identity.ServiceDefaults.Options;
using Microsoft.Extensions.Options;

namespace Identity.ScimEdge.Downstream;

internal static class DownstreamRegistration
{
    public static IServiceCollection AddDownstreamClients(this IServiceCollection services)
    {
        services.AddValidatedOptions<DownstreamOptions>(DownstreamOptions.SectionName)
            .Validate(o => DownstreamOptions.IsSupportedAddress(o.Directory)
                    && DownstreamOptions.IsSupportedAddress(o.GroupRole)
                    && DownstreamOptions.IsSupportedAddress(o.Revocation),
                "Downstream__Directory, Downstream__GroupRole and Downstream__Revocation must be http://host:port, static://name or consul://name.");
        services.AddIdentityGrpcClient<DirectoryService.DirectoryServiceClient>(
            sp => new Uri(Options(sp).Directory),
            DirectoryService.Descriptor.FullName,
            ["GetUser", "LookupUser", "ListUsers", "AuthenticateToken", "GetTenant", "ListTokens", "ListAuditEvents"]);
        services.AddIdentityGrpcClient<GroupRoleService.GroupRoleServiceClient>(
            sp => new Uri(Options(sp).GroupRole),
            GroupRoleService.Descriptor.FullName,
            // Membership changes are idempotent by contract (set semantics), so they may be retried too.
            ["GetGroup", "ListGroups", "ListMembers", "ListGroupsForUsers", "AddMembers", "RemoveMembers", "ReplaceMembers",
             "RemoveUserEverywhere", "SetUserSuspended", "SetUserRoles", "GetEffectiveRoles", "ListRoleMappings"]);
        services.AddIdentityGrpcClient<RevocationService.RevocationServiceClient>(
            sp => new Uri(Options(sp).Revocation),
            RevocationService.Descriptor.FullName,
            ["RevokeUser", "UnblockUser", "CheckSession", "GetUserState"]);
        return services;
    }

    private static DownstreamOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DownstreamOptions>>().Value;
}
