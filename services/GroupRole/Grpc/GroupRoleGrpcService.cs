using System.Text.Json;
using System.Text.Json.Nodes;
using Grpc.Core;
using Identity.Contracts.Common.V1;
using Identity.Contracts.GroupRole.V1;
using Identity.GroupRole.Domain;
using Identity.GroupRole.Domain.Filtering;
using Identity.GroupRole.Storage;

namespace Identity.GroupRole.Grpc;

/// <summary>
/// Implements <c>identity.grouprole.v1.GroupRoleService</c>. This part: group CRUD. Domain
/// refusals (<see cref="GroupRoleException"/>) become statuses in <see cref="DomainErrorInterceptor"/>.
/// </summary>
public sealed partial class GroupRoleGrpcService(
    IGroupRoleStore store, MembershipService members, EffectiveRoleResolver roles, EffectiveRoleCache cache, TimeProvider time)
    : GroupRoleService.GroupRoleServiceBase
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;

    public override async Task<CreateGroupResponse> CreateGroup(CreateGroupRequest request, ServerCallContext context)
    {
        RequireTenant(request.TenantId);
        var now = time.GetUtcNow();
        var group = new GroupRecord(request.TenantId, Guid.CreateVersion7(now).ToString(), RequireName(request.DisplayName),
            Optional(request.ExternalId), 0, now, now, 0, ExtraJson(request.ExtraJson));
        var created = await members.CreateGroupAsync(group, request.Members.Select(m => m.ToRecord()).ToList(),
            request.Context.ToMutation(time), context.CancellationToken);
        return new CreateGroupResponse { Group = created.ToContract() };
    }

    public override async Task<GetGroupResponse> GetGroup(GetGroupRequest request, ServerCallContext context)
    {
        RequireTenant(request.TenantId);
        var group = await store.GetGroupAsync(request.TenantId, request.GroupId, context.CancellationToken)
            ?? throw Errors.From(GroupRoleException.GroupNotFound(request.GroupId));
        return new GetGroupResponse { Group = group.ToContract() };
    }

    public override async Task<ListGroupsResponse> ListGroups(ListGroupsRequest request, ServerCallContext context)
    {
        RequireTenant(request.TenantId);
        var descending = request.SortOrder == SortOrder.Descending;
        var count = request.Count switch
        {
            0 => DefaultPageSize,
            < 0 => throw Errors.InvalidArgument("count must not be negative."),
            _ => Math.Min(request.Count, MaxPageSize),
        };
        var queryKey = $"{request.TenantId}\n{request.Filter}\n{request.SortBy}\n{descending}";
        var offset = string.IsNullOrEmpty(request.PageToken)
            ? Math.Max(request.StartIndex, 1) - 1
            : PageTokens.ReadOffset(request.PageToken, queryKey) ?? throw Errors.InvalidPageToken();
        var query = GroupQueryParser.Parse(request.Filter, request.SortBy, descending, offset, count);
        var page = await store.ListGroupsAsync(request.TenantId, query, context.CancellationToken);
        var response = new ListGroupsResponse
        {
            Groups = { page.Groups.Select(g => g.ToContract()) },
            TotalResults = page.TotalResults,
            StartIndex = offset + 1,
        };
        if (offset + page.Groups.Count < page.TotalResults && page.Groups.Count > 0)
        {
            response.NextPageToken = PageTokens.ForOffset(offset + page.Groups.Count, queryKey);
        }
        return response;
    }

    public override async Task<UpdateGroupResponse> UpdateGroup(UpdateGroupRequest request, ServerCallContext context)
    {
        RequireTenant(request.TenantId);
        var update = new GroupUpdate(RequireName(request.DisplayName), Optional(request.ExternalId), ExtraJson(request.ExtraJson));
        var group = await store.UpdateGroupAsync(request.TenantId, request.GroupId, update, request.ExpectedVersion,
            request.Context.ToMutation(time), context.CancellationToken);
        // A rename can switch mappings made by display name on or off.
        cache.Invalidate(request.TenantId);
        return new UpdateGroupResponse { Group = group.ToContract() };
    }

    public override async Task<DeleteGroupResponse> DeleteGroup(DeleteGroupRequest request, ServerCallContext context)
    {
        RequireTenant(request.TenantId);
        var version = await store.DeleteGroupAsync(request.TenantId, request.GroupId, request.ExpectedVersion,
            request.Context.ToMutation(time), context.CancellationToken);
        cache.Invalidate(request.TenantId);
        return new DeleteGroupResponse { Version = version };
    }

    private static void RequireTenant(string tenantId)
    {
        if (string.IsNullOrEmpty(tenantId))
        {
            throw Errors.InvalidArgument("tenant_id is required.");
        }
    }

    private static string RequireName(string displayName) =>
        string.IsNullOrWhiteSpace(displayName) ? throw Errors.InvalidArgument("displayName is required.") : displayName;

    private static string? Optional(string value) => string.IsNullOrEmpty(value) ? null : value;

    private static string ExtraJson(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "{}";
        }
        try
        {
            return JsonNode.Parse(text) is JsonObject ? text : throw Errors.InvalidArgument("extra_json must be a JSON object.");
        }
        catch (JsonException)
        {
            throw Errors.InvalidArgument("extra_json is not valid JSON.");
        }
    }
}
