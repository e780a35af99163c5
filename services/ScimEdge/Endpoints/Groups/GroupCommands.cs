using System.Text.Json.Nodes;
using Identity.Contracts.GroupRole.V1;
using Identity.Scim.Errors;
using Identity.Scim.Patching;
using Identity.Scim.Resources;
using Identity.Scim.Schemas;
using Identity.Scim.Validation;
using Identity.ScimEdge.Callers;
using Identity.ScimEdge.ReadCache;
using Identity.ScimEdge.Rendering;
using Identity.ScimEdge.Responses;
using Identity.ScimEdge.Versioning;

namespace Identity.ScimEdge.Endpoints.Groups;

/// <summary>
/// Group writes. Membership changes never read the member list: a PATCH becomes AddMembers,
/// RemoveMembers or ReplaceMembers calls, so one member into a group of 100,000 costs one write.
/// Every write, finished or not, tells the <see cref="UserReadCache"/> that users' groups may have moved.
/// </summary>
public sealed class GroupCommands(GroupRoleService.GroupRoleServiceClient groups, GroupQueries queries, UserReadCache users)
{
    private static ResourceSchema Schema => SchemaRegistry.Default.Groups;

    public Task<ScimOutcome> CreateAsync(ScimRequestContext request, JsonObject body, CancellationToken cancellationToken) =>
        ChangingGroupsAsync(request, () => CreateCoreAsync(request, body, cancellationToken));

    private async Task<ScimOutcome> CreateCoreAsync(ScimRequestContext request, JsonObject body, CancellationToken cancellationToken)
    {
        var resource = ResourceValidator.ValidateCreate(body, Schema, Options(request));
        var created = await groups.CreateGroupAsync(new CreateGroupRequest
        {
            TenantId = request.TenantId,
            DisplayName = ScimJson.AsString(ScimJson.Get(resource, "displayName")) ?? "",
            ExternalId = ScimJson.AsString(ScimJson.Get(resource, "externalId")) ?? "",
            Members = { GroupRendering.Members(resource) },
            ExtraJson = GroupRendering.ExtraJson(resource),
            Context = request.ToMutation(),
        }, cancellationToken: cancellationToken);
        return await ReadBackAsync(request, created.Group.Id, StatusCodes.Status201Created, withMembers: true, cancellationToken);
    }

    public Task<ScimOutcome> ReplaceAsync(ScimRequestContext request, string id, JsonObject body, long ifMatch, bool withMembers, CancellationToken cancellationToken) =>
        ChangingGroupsAsync(request, () => ReplaceCoreAsync(request, id, body, ifMatch, withMembers, cancellationToken));

    private async Task<ScimOutcome> ReplaceCoreAsync(ScimRequestContext request, string id, JsonObject body, long ifMatch, bool withMembers, CancellationToken cancellationToken)
    {
        var (current, version) = await queries.GetAsync(request, id, withMembers: false, cancellationToken);
        RequireVersion(version, ifMatch);
        var resource = ResourceValidator.ValidateReplace(body, current, Schema, Options(request));
        await UpdateAsync(request, id, resource, version, cancellationToken);
        // RFC 7644 §3.5.1: PUT replaces members too; an absent members attribute means none.
        await groups.ReplaceMembersAsync(new ReplaceMembersRequest
        {
            TenantId = request.TenantId,
            GroupId = id,
            Members = { GroupRendering.Members(resource) },
            Context = request.ToMutation(),
        }, cancellationToken: cancellationToken);
        return await ReadBackAsync(request, id, StatusCodes.Status200OK, withMembers, cancellationToken);
    }

    /// <summary>
    /// Non-member operations are applied in memory first, so a bad path or value fails before any
    /// membership is written; then membership steps run in order, then the attribute update.
    /// </summary>
    public Task<ScimOutcome> PatchAsync(
        ScimRequestContext request, string id, PatchRequest patch, long ifMatch, bool readBack, bool withMembers, CancellationToken cancellationToken) =>
        ChangingGroupsAsync(request, () => PatchCoreAsync(request, id, patch, ifMatch, readBack, withMembers, cancellationToken));

    private async Task<ScimOutcome> PatchCoreAsync(
        ScimRequestContext request, string id, PatchRequest patch, long ifMatch, bool readBack, bool withMembers, CancellationToken cancellationToken)
    {
        var plan = GroupPatchPlanner.Plan(patch, Schema);
        var (current, version) = await queries.GetAsync(request, id, withMembers: false, cancellationToken);
        RequireVersion(version, ifMatch);
        var updated = plan.OtherOperations.Operations.Count > 0 ? PatchEngine.Apply(current, plan.OtherOperations, Schema, Options(request), cancellationToken) : null;

        foreach (var change in plan.MemberChanges)
        {
            // Membership writes move the group's version; the attribute update below follows them.
            version = await ApplyMemberChangeAsync(request, id, change, cancellationToken);
        }
        if (updated is not null)
        {
            await UpdateAsync(request, id, updated, version, cancellationToken);
        }
        return readBack
            ? await ReadBackAsync(request, id, StatusCodes.Status200OK, withMembers, cancellationToken)
            : new ScimOutcome(StatusCodes.Status204NoContent);
    }

    public Task DeleteAsync(ScimRequestContext request, string id, long ifMatch, CancellationToken cancellationToken) =>
        ChangingGroupsAsync(request, async () => await groups.DeleteGroupAsync(new DeleteGroupRequest
        {
            TenantId = request.TenantId,
            GroupId = id,
            ExpectedVersion = ifMatch,
            Context = request.ToMutation(),
        }, cancellationToken: cancellationToken));

    /// <summary>Runs a group write, then, finished or not, tells the read cache that users' groups may have moved.</summary>
    private async Task<T> ChangingGroupsAsync<T>(ScimRequestContext request, Func<Task<T>> write)
    {
        try
        {
            return await write();
        }
        finally
        {
            users.GroupsChanged(request.TenantId);
        }
    }

    private async Task<long> ApplyMemberChangeAsync(ScimRequestContext request, string id, MemberChange change, CancellationToken cancellationToken)
    {
        var members = change.Members.Select(m => GroupRendering.ToMember(new JsonObject
        {
            ["value"] = m.Value,
            ["type"] = m.Type,
            ["display"] = m.Display,
        })).ToList();
        var context = request.ToMutation();
        switch (change.Kind)
        {
            case MemberChangeKind.Add:
                return (await groups.AddMembersAsync(new AddMembersRequest { TenantId = request.TenantId, GroupId = id, Members = { members }, Context = context },
                    cancellationToken: cancellationToken)).GroupVersion;
            case MemberChangeKind.Remove:
                return (await groups.RemoveMembersAsync(new RemoveMembersRequest { TenantId = request.TenantId, GroupId = id, MemberIds = { members.Select(m => m.MemberId) }, Context = context },
                    cancellationToken: cancellationToken)).GroupVersion;
            default:
                return (await groups.ReplaceMembersAsync(new ReplaceMembersRequest { TenantId = request.TenantId, GroupId = id, Members = { members }, Context = context },
                    cancellationToken: cancellationToken)).GroupVersion;
        }
    }

    private async Task UpdateAsync(ScimRequestContext request, string id, JsonObject resource, long expectedVersion, CancellationToken cancellationToken)
    {
        await groups.UpdateGroupAsync(new UpdateGroupRequest
        {
            TenantId = request.TenantId,
            GroupId = id,
            DisplayName = ScimJson.AsString(ScimJson.Get(resource, "displayName")) ?? "",
            ExternalId = ScimJson.AsString(ScimJson.Get(resource, "externalId")) ?? "",
            ExtraJson = GroupRendering.ExtraJson(resource),
            ExpectedVersion = expectedVersion,
            Context = request.ToMutation(),
        }, cancellationToken: cancellationToken);
    }

    private async Task<ScimOutcome> ReadBackAsync(ScimRequestContext request, string id, int status, bool withMembers, CancellationToken cancellationToken)
    {
        var (resource, version) = await queries.GetAsync(request, id, withMembers, cancellationToken);
        return new ScimOutcome(status, resource, version, GroupRendering.Location(request.BaseUrl, id));
    }

    private static void RequireVersion(long current, long ifMatch)
    {
        if (ifMatch != 0 && ifMatch != current)
        {
            throw new ScimException(StatusCodes.Status412PreconditionFailed, null,
                $"The group is at version {ETags.Format(current)}, not the If-Match version; read it again and retry.");
        }
    }

    private static ValidationOptions Options(ScimRequestContext request) =>
        (request.LenientAttributes ? ValidationOptions.Lenient : ValidationOptions.Default) with
        {
            UpsertThroughValueFilter = request.UpsertThroughValueFilter,
            MaxValuesPerAttribute = request.MaxValuesPerAttribute,
        };
}
