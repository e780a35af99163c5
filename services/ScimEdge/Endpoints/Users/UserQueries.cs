using System.Text.Json.Nodes;
using Identity.Contracts.Directory.V1;
using Identity.Contracts.GroupRole.V1;
using Identity.ScimEdge.Requests;
using Identity.ScimEdge.Resources;

namespace Identity.ScimEdge.Endpoints.Users;

/// <summary>Reads users from Directory and fills their groups from GroupRole with one batch call per page.</summary>
public sealed class UserQueries(DirectoryService.DirectoryServiceClient directory, GroupRoleService.GroupRoleServiceClient groups)
{
    public async Task<(JsonObject Resource, long Version)> GetAsync(ScimRequestContext request, string id, CancellationToken cancellationToken)
    {
        var user = (await directory.GetUserAsync(new GetUserRequest { TenantId = request.TenantId, UserId = id }, cancellationToken: cancellationToken)).User;
        return (await RenderAsync(request, user, cancellationToken), user.Version);
    }

    /// <summary>Renders a user Directory has just answered with, adding its groups from GroupRole.</summary>
    public async Task<JsonObject> RenderAsync(ScimRequestContext request, User user, CancellationToken cancellationToken)
    {
        var memberships = await GroupsOfAsync(request.TenantId, [user.Id], cancellationToken);
        return UserRendering.Render(user, request.BaseUrl, memberships.GetValueOrDefault(user.Id));
    }

    /// <summary>One page of users for a SCIM list: the resources, totalResults and the startIndex answered.</summary>
    internal async Task<(IReadOnlyList<JsonObject> Resources, int TotalResults)> ListAsync(
        ScimRequestContext request, ListQuery query, CancellationToken cancellationToken)
    {
        var answer = await directory.ListUsersAsync(new ListUsersRequest
        {
            TenantId = request.TenantId,
            Filter = query.Filter ?? "",
            SortBy = query.SortBy ?? "",
            SortOrder = query.SortOrder,
            StartIndex = query.StartIndex,
            // count=0 asks for totalResults only (RFC 7644 §3.4.2.4); Directory reads 0 as its default page.
            Count = Math.Max(query.Count, 1),
        }, cancellationToken: cancellationToken);
        var users = query.Count == 0 ? [] : answer.Users.ToList();
        var memberships = users.Count == 0 ? new Dictionary<string, IReadOnlyList<GroupRef>>() : await GroupsOfAsync(request.TenantId, users.Select(u => u.Id).ToList(), cancellationToken);
        var resources = users.Select(u => UserRendering.Render(u, request.BaseUrl, memberships.GetValueOrDefault(u.Id))).ToList();
        return (resources, answer.TotalResults);
    }

    private async Task<Dictionary<string, IReadOnlyList<GroupRef>>> GroupsOfAsync(string tenantId, IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        var answer = await groups.ListGroupsForUsersAsync(new ListGroupsForUsersRequest
        {
            TenantId = tenantId,
            UserIds = { userIds },
            IncludeIndirect = true,
        }, cancellationToken: cancellationToken);
        return answer.Users.ToDictionary(u => u.UserId, u => (IReadOnlyList<GroupRef>)u.Groups.ToList(), StringComparer.Ordinal);
    }
}
