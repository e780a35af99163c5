using Grpc.Core;
using Identity.Contracts.GroupRole.V1;
using Identity.GroupRole.Domain;

namespace Identity.GroupRole.Grpc;

/// <summary>Role mappings, per-user state and effective roles.</summary>
public sealed partial class GroupRoleGrpcService
{
    public override async Task<SetUserSuspendedResponse> SetUserSuspended(SetUserSuspendedRequest request, ServerCallContext context)
    {
        RequireTenant(request.TenantId);
        RequireUser(request.UserId);
        await store.SetUserSuspendedAsync(request.TenantId, request.UserId, request.Suspended, context.CancellationToken);
        cache.Invalidate(request.TenantId);
        return new SetUserSuspendedResponse { Suspended = request.Suspended };
    }

    public override async Task<SetUserRolesResponse> SetUserRoles(SetUserRolesRequest request, ServerCallContext context)
    {
        RequireTenant(request.TenantId);
        RequireUser(request.UserId);
        await store.SetUserRolesAsync(request.TenantId, request.UserId, Roles(request.Roles, allowEmpty: true), context.CancellationToken);
        cache.Invalidate(request.TenantId);
        return new SetUserRolesResponse();
    }

    public override async Task<PutRoleMappingResponse> PutRoleMapping(PutRoleMappingRequest request, ServerCallContext context)
    {
        RequireTenant(request.TenantId);
        var mapping = request.Mapping ?? throw Errors.InvalidArgument("mapping is required.");
        string? groupId = null, groupName = null;
        switch (mapping.GroupCase)
        {
            case RoleMapping.GroupOneofCase.GroupId when !string.IsNullOrEmpty(mapping.GroupId):
                groupId = (await store.GetGroupAsync(request.TenantId, mapping.GroupId, context.CancellationToken)
                    ?? throw Errors.From(GroupRoleException.GroupNotFound(mapping.GroupId))).Id;
                break;
            case RoleMapping.GroupOneofCase.GroupDisplayName when !string.IsNullOrWhiteSpace(mapping.GroupDisplayName):
                groupName = mapping.GroupDisplayName;
                break;
            default:
                throw Errors.InvalidArgument("A mapping names its group by group_id or group_display_name.");
        }
        var record = new RoleMappingRecord(request.TenantId, string.IsNullOrEmpty(mapping.Id) ? Guid.CreateVersion7().ToString() : mapping.Id,
            groupId, groupName, Roles(mapping.Roles, allowEmpty: false), time.GetUtcNow());
        var stored = await store.PutRoleMappingAsync(record, context.CancellationToken);
        cache.Invalidate(request.TenantId);
        return new PutRoleMappingResponse { Mapping = stored.ToContract() };
    }

    public override async Task<ListRoleMappingsResponse> ListRoleMappings(ListRoleMappingsRequest request, ServerCallContext context)
    {
        RequireTenant(request.TenantId);
        var mappings = await store.ListRoleMappingsAsync(request.TenantId, Optional(request.GroupId), context.CancellationToken);
        return new ListRoleMappingsResponse { Mappings = { mappings.Select(m => m.ToContract()) } };
    }

    public override async Task<DeleteRoleMappingResponse> DeleteRoleMapping(DeleteRoleMappingRequest request, ServerCallContext context)
    {
        RequireTenant(request.TenantId);
        if (!await store.DeleteRoleMappingAsync(request.TenantId, request.MappingId, context.CancellationToken))
        {
            throw Errors.MappingNotFound(request.MappingId);
        }
        cache.Invalidate(request.TenantId);
        return new DeleteRoleMappingResponse();
    }

    public override async Task<GetEffectiveRolesResponse> GetEffectiveRoles(GetEffectiveRolesRequest request, ServerCallContext context)
    {
        RequireTenant(request.TenantId);
        RequireUser(request.UserId);
        var effective = await roles.GetAsync(request.TenantId, request.UserId, context.CancellationToken);
        return effective.ToContract();
    }

    private static List<string> Roles(IEnumerable<string> roles, bool allowEmpty)
    {
        var list = roles.Distinct(StringComparer.Ordinal).ToList();
        if (list.Any(string.IsNullOrWhiteSpace))
        {
            throw Errors.InvalidArgument("Role names must not be empty.");
        }
        return list.Count == 0 && !allowEmpty ? throw Errors.InvalidArgument("A mapping grants at least one role.") : list;
    }
}
