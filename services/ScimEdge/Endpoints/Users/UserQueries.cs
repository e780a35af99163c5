using System.Text.Json.Nodes;
using Identity.Contracts.Directory.V1;
using Identity.Contracts.GroupRole.V1;
using Identity.ScimEdge.Callers;
using Identity.ScimEdge.ReadCache;
using Identity.ScimEdge.Rendering;
using Identity.ScimEdge.Requests;

namespace Identity.ScimEdge.Endpoints.Users;

/// <summary>
/// Reads users from Directory and fills their groups from GroupRole with one batch call per page.
/// A GET by id and the userName filter go through the <see cref="UserReadCache"/> first.
/// </summary>
public sealed class UserQueries(DirectoryService.DirectoryServiceClient directory, GroupRoleService.GroupRoleServiceClient groups, UserReadCache cache)
{
    public async Task<(JsonObject Resource, long Version)> GetAsync(ScimRequestContext request, string id, CancellationToken cancellationToken)
    {
        var user = await GetCachedAsync(request, id, cancellationToken);
        return (UserRendering.Render(user.User, request.BaseUrl, user.Groups), user.User.Version);
    }

    /// <summary>The user with its groups, from the cache when it may be served, otherwise read (and cached when allowed).</summary>
    internal async Task<CachedUser> GetCachedAsync(ScimRequestContext request, string id, CancellationToken cancellationToken)
    {
        var tenant = cache.For(request.TenantId);
        // The ticket comes first: whatever is found or read after it is stored only if nothing changed since.
        var ticket = tenant?.Begin() ?? default;
        if (tenant?.Find(id) is { } hit && cache.IsFresh(tenant, hit, out var groupsFresh))
        {
            return groupsFresh ? hit : await RefreshGroupsAsync(request, tenant, ticket, hit, cancellationToken);
        }
        return await FillAsync(request, tenant, ticket, await ReadStoredAsync(request, id, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The stored user a write starts from: the cached copy, with its groups when those are fresh too,
    /// if <paramref name="allowCache"/> and the cache may serve it; otherwise Directory's, without groups.
    /// GroupRole is not asked here: a deactivation must reach Revocation first, whatever GroupRole's state.
    /// </summary>
    internal async Task<StoredRead> ReadForWriteAsync(ScimRequestContext request, string id, bool allowCache, CancellationToken cancellationToken)
    {
        if (allowCache && cache.For(request.TenantId) is { } tenant && tenant.Find(id) is { } hit && cache.IsFresh(tenant, hit, out var groupsFresh))
        {
            return new StoredRead(hit.User, groupsFresh ? hit.Groups : null, FromCache: true);
        }
        return new StoredRead(await ReadStoredAsync(request, id, cancellationToken), null, FromCache: false);
    }

    /// <summary>
    /// Answers <c>filter=userName eq "…"</c>, the request every IdP sends before every create, from the
    /// cache when it can: (true, user or null) when it did; (false, null) for any other list request.
    /// </summary>
    internal async Task<(bool Answered, CachedUser? User)> TryFindByUserNameAsync(ScimRequestContext request, ListQuery query, CancellationToken cancellationToken)
    {
        if (!UserNameEquality.TryMatch(query, out var userName) || cache.For(request.TenantId) is not { } tenant)
        {
            return (false, null);
        }
        var key = UserNameKeys.Of(userName);
        var ticket = tenant.Begin();
        switch (tenant.FindByName(key, out var hit))
        {
            case NameLookup.Absent:
                return (true, null);
            case NameLookup.Found when cache.IsFresh(tenant, hit!, out var groupsFresh):
                return (true, groupsFresh ? hit : await RefreshGroupsAsync(request, tenant, ticket, hit!, cancellationToken));
        }
        var answer = await directory.ListUsersAsync(new ListUsersRequest
        {
            TenantId = request.TenantId,
            Filter = query.Filter,
            Count = 2,
        }, cancellationToken: cancellationToken);
        if (answer.Users.Count == 0)
        {
            cache.StoreAbsent(tenant, ticket, key);
            return (true, null);
        }
        if (answer.Users.Count > 1)
        {
            // userName is unique per tenant; should a store ever say otherwise, let the general path answer.
            return (false, null);
        }
        return (true, await FillAsync(request, tenant, ticket, answer.Users[0], cancellationToken));
    }

    /// <summary>Renders a user Directory has just answered with, adding its groups from GroupRole unless they are known.</summary>
    public async Task<JsonObject> RenderAsync(ScimRequestContext request, User user, IReadOnlyList<GroupRef>? groups, CancellationToken cancellationToken) =>
        UserRendering.Render(user, request.BaseUrl, groups ?? await GroupsOfAsync(request.TenantId, user.Id, cancellationToken));

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

    /// <summary>A user Directory just answered with, its groups read, stored when the ticket allows.</summary>
    private async Task<CachedUser> FillAsync(ScimRequestContext request, TenantUserCache? tenant, FillTicket ticket, User user, CancellationToken cancellationToken)
    {
        var read = cache.Entry(user, await GroupsOfAsync(request.TenantId, user.Id, cancellationToken), ticket);
        if (tenant is not null)
        {
            cache.Store(tenant, ticket, read);
        }
        return read;
    }

    private async Task<CachedUser> RefreshGroupsAsync(ScimRequestContext request, TenantUserCache tenant, FillTicket ticket, CachedUser user, CancellationToken cancellationToken)
    {
        var refreshed = cache.WithGroups(user, await GroupsOfAsync(request.TenantId, user.User.Id, cancellationToken), ticket);
        cache.Store(tenant, ticket, refreshed);
        return refreshed;
    }

    // The edge renders from resource_json itself, so it asks for no derived fields.
    private async Task<User> ReadStoredAsync(ScimRequestContext request, string id, CancellationToken cancellationToken) =>
        (await directory.GetUserAsync(new GetUserRequest { TenantId = request.TenantId, UserId = id, View = UserView.Resource },
            cancellationToken: cancellationToken)).User;

    private async Task<IReadOnlyList<GroupRef>> GroupsOfAsync(string tenantId, string userId, CancellationToken cancellationToken) =>
        (await GroupsOfAsync(tenantId, [userId], cancellationToken)).GetValueOrDefault(userId) ?? [];

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
