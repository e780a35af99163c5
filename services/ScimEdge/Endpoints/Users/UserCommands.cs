using System.Text.Json.Nodes;
using Grpc.Core;
using Identity.Contracts.Directory.V1;
using Identity.Scim.Patching;
using Identity.Scim.Resources;
using Identity.Scim.Schemas;
using Identity.Scim.Validation;
using Identity.ScimEdge.Callers;
using Identity.ScimEdge.Lifecycle;
using Identity.ScimEdge.ReadCache;
using Identity.ScimEdge.Rendering;
using Identity.ScimEdge.Responses;
using Identity.ScimEdge.Versioning;

namespace Identity.ScimEdge.Endpoints.Users;

/// <summary>
/// Creates, replaces, patches and deletes users: the SCIM core validates and patches, Directory
/// stores, and <see cref="AccessLifecycle"/> runs the deny-first steps around each write.
/// </summary>
public sealed class UserCommands(DirectoryService.DirectoryServiceClient directory, AccessLifecycle access, UserQueries queries, UserReadCache cache)
{
    // The one retry loop of a user write: without If-Match, a write that loses the race to another is
    // re-read, re-applied and re-decided here. It lives at the edge because only the edge can redo the
    // change (the PATCH or the PUT body on the newer resource) and the deny-first step that depends on
    // it; Directory answers a lost race with VERSION_MISMATCH and never retries.
    private const int MaxWriteAttempts = 5;

    private static ResourceSchema Schema => SchemaRegistry.Default.Users;

    public async Task<ScimOutcome> CreateAsync(ScimRequestContext request, JsonObject body, CancellationToken cancellationToken)
    {
        var resource = ResourceValidator.ValidateCreate(body, Schema, Options(request));
        // Accepted so provisioning succeeds, never forwarded: no password leaves the edge (Directory strips it again).
        WriteOnlyAttributes.Strip(resource);
        var mutation = request.ToMutation();
        var created = await directory.CreateUserAsync(new CreateUserRequest
        {
            TenantId = request.TenantId,
            ResourceJson = resource.ToJsonString(),
            Context = mutation,
            // The IdP pushing someone an app already created at first login adopts that record.
            AdoptJitMatch = true,
        }, cancellationToken: cancellationToken);
        var user = created.User;
        // The filter an IdP sent before this create may be cached as "nobody has this userName".
        cache.UserChanged(request.TenantId, user.Id, user.UserName);
        if (!ActiveTransitions.IsActive(resource))
        {
            // Created inactive: no session can exist yet, but new ones must be refused from the start.
            await access.DenyAsync(request.TenantId, user.Id, "created inactive", mutation, cancellationToken);
        }
        await SyncRolesAsync(request, user.Id, null, resource, cancellationToken);
        // Directory answered with the stored user, and the steps above write elsewhere: no read-back.
        // A new id cannot be in any group yet, so GroupRole is asked only for an adopted JIT user.
        var rendered = created.Adopted
            ? await queries.RenderAsync(request, user, null, cancellationToken)
            : UserRendering.Render(user, request.BaseUrl, null);
        return new ScimOutcome(StatusCodes.Status201Created, rendered, user.Version, UserRendering.Location(request.BaseUrl, user.Id));
    }

    public Task<ScimOutcome> ReplaceAsync(ScimRequestContext request, string id, JsonObject body, long ifMatch, CancellationToken cancellationToken) =>
        WriteAsync(request, id, ifMatch, before => ResourceValidator.ValidateReplace(body, before, Schema, Options(request)),
            ScimJson.Get(body, "active") is not null, cancellationToken);

    public Task<ScimOutcome> PatchAsync(ScimRequestContext request, string id, PatchRequest patch, long ifMatch, CancellationToken cancellationToken) =>
        WriteAsync(request, id, ifMatch, before => PatchEngine.Apply(before, patch, Schema, Options(request), cancellationToken),
            patch.Operations.Any(MentionsActive), cancellationToken);

    public async Task DeleteAsync(ScimRequestContext request, string id, long ifMatch, CancellationToken cancellationToken)
    {
        var current = await GetStoredAsync(request, id, cancellationToken);
        RequireVersion(current, ifMatch);
        var mutation = request.ToMutation();
        try
        {
            // Deny first: if the delete below fails, the user is locked out and the IdP's retry finishes it.
            await access.DenyForDeleteAsync(request.TenantId, current.Id, mutation, cancellationToken);
            await directory.DeleteUserAsync(new DeleteUserRequest
            {
                TenantId = request.TenantId,
                UserId = current.Id,
                ExpectedVersion = ifMatch,
                Context = mutation,
            }, cancellationToken: cancellationToken);
        }
        finally
        {
            // Memberships went first, then the user: whatever got done must not be served from the cache.
            cache.GroupsChanged(request.TenantId);
            cache.UserChanged(request.TenantId, current.Id);
        }
    }

    /// <summary>
    /// Read, change, write at the version read, render Directory's answer. The write is conditional on
    /// the version the change and the active transition were computed from, so a concurrent request
    /// can only make it fail (and start over on a fresh read), never land a transition decided on a
    /// superseded read. The first read may come from the cache; a copy that turns out stale costs a retry.
    /// </summary>
    private async Task<ScimOutcome> WriteAsync(
        ScimRequestContext request, string id, long ifMatch, Func<JsonObject, JsonObject> change, bool mentionsActive, CancellationToken cancellationToken)
    {
        var allowCache = true;
        for (var attempt = 1; ; attempt++)
        {
            var read = await queries.ReadForWriteAsync(request, id, allowCache, cancellationToken);
            allowCache = false;
            if (read.FromCache && ifMatch != 0 && read.User.Version != ifMatch)
            {
                // The IdP may have read a version the cache has not heard of yet: ask Directory before a 412.
                read = await queries.ReadForWriteAsync(request, id, allowCache, cancellationToken);
            }
            RequireVersion(read.User, ifMatch);
            var before = Parse(read.User);
            JsonObject after;
            try
            {
                after = change(before);
            }
            catch (Identity.Scim.Errors.ScimException) when (read.FromCache)
            {
                // A PATCH that targets nothing may target a value the cached copy lacks: judge it on Directory's.
                continue;
            }
            try
            {
                var written = await WriteAsync(request, read.User, before, after, mentionsActive, cancellationToken);
                // Groups last: GroupRole being down must not stop the deny-first steps.
                return new ScimOutcome(StatusCodes.Status200OK, await queries.RenderAsync(request, written, read.Groups, cancellationToken),
                    written.Version, UserRendering.Location(request.BaseUrl, id));
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Aborted && ifMatch == 0 && attempt < MaxWriteAttempts)
            {
                // Someone wrote between our read and write; the IdP did not ask for a version, so apply again.
            }
        }
    }

    /// <summary>Deny-first around one conditional write; answers the user as Directory stored it.</summary>
    private async Task<User> WriteAsync(
        ScimRequestContext request, User current, JsonObject before, JsonObject after, bool mentionsActive, CancellationToken cancellationToken)
    {
        // PUT and PATCH meet here: a password they set is dropped before the RPC (and before the compare below).
        WriteOnlyAttributes.Strip(after);
        var mutation = request.ToMutation();
        var transition = ActiveTransitions.Of(before, after, mentionsActive);
        if (transition == ActiveTransition.Deactivate)
        {
            await access.DenyAsync(request.TenantId, current.Id, "deactivated", mutation, cancellationToken);
        }
        User written;
        try
        {
            written = (await directory.ReplaceUserAsync(new ReplaceUserRequest
            {
                TenantId = request.TenantId,
                UserId = current.Id,
                ResourceJson = after.ToJsonString(),
                ExpectedVersion = current.Version,
                Context = mutation,
                View = UserView.Resource,
            }, cancellationToken: cancellationToken)).User;
        }
        finally
        {
            // Even a write whose answer was lost may have landed, and a conflict means the cached copy is behind.
            cache.UserChanged(request.TenantId, current.Id, ScimJson.AsString(ScimJson.Get(after, "userName")));
        }
        if (transition == ActiveTransition.Reactivate)
        {
            await access.RestoreAsync(request.TenantId, current.Id, mutation, cancellationToken);
        }
        await SyncRolesAsync(request, current.Id, before, after, cancellationToken);
        return written;
    }

    private async Task SyncRolesAsync(ScimRequestContext request, string userId, JsonObject? before, JsonObject after, CancellationToken cancellationToken)
    {
        var roles = UserRendering.Roles(after);
        if (before is null ? roles.Count > 0 : !roles.SequenceEqual(UserRendering.Roles(before), StringComparer.Ordinal))
        {
            await access.SetUserRolesAsync(request.TenantId, userId, roles, request.ToMutation(), cancellationToken);
        }
    }

    private async Task<User> GetStoredAsync(ScimRequestContext request, string id, CancellationToken cancellationToken) =>
        (await queries.ReadForWriteAsync(request, id, allowCache: false, cancellationToken)).User;

    /// <summary>A stale If-Match fails before anything is revoked or written (RFC 7644 §3.14: 412).</summary>
    private static void RequireVersion(User current, long ifMatch)
    {
        if (ifMatch != 0 && ifMatch != current.Version)
        {
            throw new Identity.Scim.Errors.ScimException(StatusCodes.Status412PreconditionFailed, null,
                $"The user is at version {ETags.Format(current.Version)}, not the If-Match version; read it again and retry.");
        }
    }

    private static JsonObject Parse(User user) => JsonNode.Parse(user.ResourceJson) as JsonObject ?? new JsonObject();

    private static ValidationOptions Options(ScimRequestContext request) =>
        (request.LenientAttributes ? ValidationOptions.Lenient : ValidationOptions.Default) with
        {
            UpsertThroughValueFilter = request.UpsertThroughValueFilter,
            MaxValuesPerAttribute = request.MaxValuesPerAttribute,
        };

    private static bool MentionsActive(PatchOperation operation) =>
        operation.Path?.ToString().Equals("active", StringComparison.OrdinalIgnoreCase) == true
        || (operation.Path is null && operation.Value is JsonObject value && ScimJson.Get(value, "active") is not null);
}
