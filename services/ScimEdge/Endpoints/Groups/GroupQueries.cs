using System.Text.Json.Nodes;
using Identity.Contracts.GroupRole.V1;
using Identity.ScimEdge.Callers;
using Identity.ScimEdge.Rendering;
using Identity.ScimEdge.Requests;

namespace Identity.ScimEdge.Endpoints.Groups;

/// <summary>Reads groups from GroupRole; members are streamed page by page only when the response will show them.</summary>
public sealed class GroupQueries(GroupRoleService.GroupRoleServiceClient groups)
{
    private const int MemberPageSize = 1000;

    public async Task<(JsonObject Resource, long Version)> GetAsync(ScimRequestContext request, string id, bool withMembers, CancellationToken cancellationToken)
    {
        var group = (await groups.GetGroupAsync(new GetGroupRequest { TenantId = request.TenantId, GroupId = id }, cancellationToken: cancellationToken)).Group;
        var members = withMembers ? await MembersAsync(request.TenantId, id, cancellationToken) : null;
        return (GroupRendering.Render(group, request.BaseUrl, members), group.Version);
    }

    internal async Task<(IReadOnlyList<JsonObject> Resources, int TotalResults)> ListAsync(
        ScimRequestContext request, ListQuery query, bool withMembers, CancellationToken cancellationToken)
    {
        var answer = await groups.ListGroupsAsync(new ListGroupsRequest
        {
            TenantId = request.TenantId,
            Filter = query.Filter ?? "",
            SortBy = query.SortBy ?? "",
            SortOrder = query.SortOrder,
            StartIndex = query.StartIndex,
            Count = Math.Max(query.Count, 1),
        }, cancellationToken: cancellationToken);
        var page = query.Count == 0 ? [] : answer.Groups.ToList();
        var resources = new List<JsonObject>(page.Count);
        foreach (var group in page)
        {
            var members = withMembers ? await MembersAsync(request.TenantId, group.Id, cancellationToken) : null;
            resources.Add(GroupRendering.Render(group, request.BaseUrl, members));
        }
        return (resources, answer.TotalResults);
    }

    /// <summary>Whether a response projected by these parameters shows members at all.</summary>
    public static bool WantsMembers(string? attributes, string? excludedAttributes)
    {
        static bool Names(string? list) => list?.Split(',').Any(a => a.Trim().Split('.')[0].EndsWith("members", StringComparison.OrdinalIgnoreCase)) == true;
        return attributes is null ? !Names(excludedAttributes) : Names(attributes);
    }

    private async Task<List<Member>> MembersAsync(string tenantId, string groupId, CancellationToken cancellationToken)
    {
        var members = new List<Member>();
        var token = "";
        do
        {
            var page = await groups.ListMembersAsync(new ListMembersRequest
            {
                TenantId = tenantId,
                GroupId = groupId,
                PageSize = MemberPageSize,
                PageToken = token,
            }, cancellationToken: cancellationToken);
            members.AddRange(page.Members);
            token = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(token));
        return members;
    }
}
