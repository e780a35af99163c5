using Grpc.Core;
using Identity.Contracts.GroupRole.V1;

namespace Identity.GroupRole.Grpc;

/// <summary>Membership RPCs: one record per membership, differences only.</summary>
public sealed partial class GroupRoleGrpcService
{
    private const int DefaultMemberPage = 1000;
    private const int MaxMemberPage = 10_000;
    private const int MaxUsersPerLookup = 1000;

    public override async Task<AddMembersResponse> AddMembers(AddMembersRequest request, ServerCallContext context)
    {
        RequireTenant(request.TenantId);
        var change = await members.AddMembersAsync(request.TenantId, request.GroupId, request.Members.Select(m => m.ToRecord()).ToList(),
            request.Context.ToMutation(time), context.CancellationToken);
        return new AddMembersResponse { Added = change.Added, GroupVersion = change.GroupVersion };
    }

    public override async Task<RemoveMembersResponse> RemoveMembers(RemoveMembersRequest request, ServerCallContext context)
    {
        RequireTenant(request.TenantId);
        var change = await members.RemoveMembersAsync(request.TenantId, request.GroupId, request.MemberIds,
            request.Context.ToMutation(time), context.CancellationToken);
        return new RemoveMembersResponse { Removed = change.Removed, GroupVersion = change.GroupVersion };
    }

    public override async Task<ReplaceMembersResponse> ReplaceMembers(ReplaceMembersRequest request, ServerCallContext context)
    {
        RequireTenant(request.TenantId);
        var change = await members.ReplaceMembersAsync(request.TenantId, request.GroupId, request.Members.Select(m => m.ToRecord()).ToList(),
            request.Context.ToMutation(time), context.CancellationToken);
        return new ReplaceMembersResponse { Added = change.Added, Removed = change.Removed, GroupVersion = change.GroupVersion };
    }

    public override async Task<ListMembersResponse> ListMembers(ListMembersRequest request, ServerCallContext context)
    {
        RequireTenant(request.TenantId);
        var size = request.PageSize switch
        {
            0 => DefaultMemberPage,
            < 0 => throw Errors.InvalidArgument("page_size must not be negative."),
            _ => Math.Min(request.PageSize, MaxMemberPage),
        };
        var after = string.IsNullOrEmpty(request.PageToken)
            ? null
            : PageTokens.ReadMember(request.PageToken, request.GroupId) ?? throw Errors.InvalidPageToken();
        if (after is null && await store.GetGroupAsync(request.TenantId, request.GroupId, context.CancellationToken) is null)
        {
            throw Errors.From(Domain.GroupRoleException.GroupNotFound(request.GroupId));
        }
        var page = await store.ListMembersAsync(request.TenantId, request.GroupId, size, after, context.CancellationToken);
        var response = new ListMembersResponse { Members = { page.Select(m => m.ToContract()) } };
        if (page.Count == size)
        {
            response.NextPageToken = PageTokens.ForMember(request.GroupId, page[^1].MemberId);
        }
        return response;
    }

    public override async Task<ListGroupsForUsersResponse> ListGroupsForUsers(ListGroupsForUsersRequest request, ServerCallContext context)
    {
        RequireTenant(request.TenantId);
        if (request.UserIds.Count > MaxUsersPerLookup)
        {
            throw Errors.TooMany($"At most {MaxUsersPerLookup} users per call, not {request.UserIds.Count}.");
        }
        var users = await members.ListGroupsForUsersAsync(request.TenantId, request.UserIds, request.IncludeIndirect, context.CancellationToken);
        return new ListGroupsForUsersResponse
        {
            Users =
            {
                users.Select(u => new UserGroups
                {
                    UserId = u.UserId,
                    Groups = { u.Groups.Select(g => new GroupRef { GroupId = g.Group.Id, DisplayName = g.Group.DisplayName, Direct = g.Direct }) },
                }),
            },
        };
    }

    public override async Task<RemoveUserEverywhereResponse> RemoveUserEverywhere(RemoveUserEverywhereRequest request, ServerCallContext context)
    {
        RequireTenant(request.TenantId);
        RequireUser(request.UserId);
        var removed = await members.RemoveUserEverywhereAsync(request.TenantId, request.UserId, request.Context.ToMutation(time), context.CancellationToken);
        return new RemoveUserEverywhereResponse { Removed = removed };
    }

    private static void RequireUser(string userId)
    {
        if (string.IsNullOrEmpty(userId))
        {
            throw Errors.InvalidArgument("user_id is required.");
        }
    }
}
