using Identity.Contracts.Directory.V1;
using Identity.Contracts.GroupRole.V1;
using Identity.ScimEdge.OpenApi;

namespace Identity.ScimEdge.Admin;

/// <summary>Role mappings (group → application roles) and the effective roles they produce, from GroupRole.</summary>
internal static class RoleAdminEndpoints
{
    private const int MaxRoles = 100;

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapPut("/tenants/{tenantId}/role-mappings", PutAsync)
            .WithSummary("Create or replace a role mapping for a group (by id or display name)").DocumentsJsonBody<PutRoleMappingBody>()
            .Produces<RoleMappingView>().Produces<AdminErrorBody>(StatusCodes.Status400BadRequest);
        admin.MapGet("/tenants/{tenantId}/role-mappings", ListAsync)
            .WithSummary("List a tenant's role mappings").Produces<RoleMappingListView>();
        admin.MapDelete("/tenants/{tenantId}/role-mappings/{mappingId}", DeleteAsync)
            .WithSummary("Delete a role mapping").Produces(StatusCodes.Status204NoContent).Produces<AdminErrorBody>(StatusCodes.Status404NotFound);
        admin.MapGet("/tenants/{tenantId}/users/{userId}/effective-roles", EffectiveAsync)
            .WithSummary("A user's effective roles and where each comes from").Produces<EffectiveRolesView>();
    }

    private static async Task<IResult> PutAsync(string tenantId, HttpContext http, DirectoryService.DirectoryServiceClient directory,
        GroupRoleService.GroupRoleServiceClient groups)
    {
        var body = await AdminJson.ReadAsync<PutRoleMappingBody>(http.Request, null, http.RequestAborted);
        var mapping = ToMapping(tenantId, body);
        await AdminCalls.RequireTenantAsync(directory, tenantId, http.RequestAborted);
        var response = await groups.PutRoleMappingAsync(new PutRoleMappingRequest
        {
            TenantId = tenantId,
            Mapping = mapping,
            Context = AdminCalls.Mutation(http),
        }, cancellationToken: http.RequestAborted);
        return Results.Ok(RoleMappingView.From(response.Mapping));
    }

    private static async Task<IResult> ListAsync(string tenantId, string? groupId, HttpContext http, DirectoryService.DirectoryServiceClient directory,
        GroupRoleService.GroupRoleServiceClient groups)
    {
        await AdminCalls.RequireTenantAsync(directory, tenantId, http.RequestAborted);
        var response = await groups.ListRoleMappingsAsync(new ListRoleMappingsRequest
        {
            TenantId = tenantId,
            GroupId = AdminCalls.Optional(groupId, "groupId", 128) ?? "",
        }, cancellationToken: http.RequestAborted);
        return Results.Ok(new RoleMappingListView([.. response.Mappings.Select(RoleMappingView.From)]));
    }

    private static async Task<IResult> DeleteAsync(string tenantId, string mappingId, HttpContext http, DirectoryService.DirectoryServiceClient directory,
        GroupRoleService.GroupRoleServiceClient groups)
    {
        AdminCalls.RequireId(mappingId, "mappingId");
        await AdminCalls.RequireTenantAsync(directory, tenantId, http.RequestAborted);
        await groups.DeleteRoleMappingAsync(new DeleteRoleMappingRequest
        {
            TenantId = tenantId,
            MappingId = mappingId,
            Context = AdminCalls.Mutation(http),
        }, cancellationToken: http.RequestAborted);
        return Results.NoContent();
    }

    private static async Task<IResult> EffectiveAsync(string tenantId, string userId, HttpContext http, DirectoryService.DirectoryServiceClient directory,
        GroupRoleService.GroupRoleServiceClient groups)
    {
        AdminCalls.RequireId(userId, "userId");
        await AdminCalls.RequireTenantAsync(directory, tenantId, http.RequestAborted);
        var response = await groups.GetEffectiveRolesAsync(new GetEffectiveRolesRequest { TenantId = tenantId, UserId = userId },
            cancellationToken: http.RequestAborted);
        return Results.Ok(EffectiveRolesView.From(userId, response));
    }

    private static RoleMapping ToMapping(string tenantId, PutRoleMappingBody body)
    {
        var groupId = AdminCalls.Optional(body.GroupId, "groupId", 128);
        var groupName = AdminCalls.Optional(body.GroupDisplayName, "groupDisplayName", 256);
        if (string.IsNullOrEmpty(groupId) == string.IsNullOrEmpty(groupName))
        {
            throw AdminException.BadRequest("Name the group by exactly one of groupId or groupDisplayName.");
        }
        if (body.Roles is not { Count: > 0 and <= MaxRoles } roles || roles.Any(r => string.IsNullOrWhiteSpace(r) || r.Length > 128))
        {
            throw AdminException.BadRequest($"roles must hold 1-{MaxRoles} non-empty names of at most 128 characters.");
        }
        var mapping = new RoleMapping { TenantId = tenantId, Id = AdminCalls.Optional(body.Id, "id", 128) ?? "", Roles = { roles.Select(r => r.Trim()) } };
        if (!string.IsNullOrEmpty(groupId))
        {
            mapping.GroupId = groupId;
        }
        else
        {
            mapping.GroupDisplayName = groupName;
        }
        return mapping;
    }
}
