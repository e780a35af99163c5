using System.Globalization;
using System.Text.Json.Nodes;
using Grpc.Core;
using Identity.Scim.Errors;
using Identity.Scim.Patching;
using Identity.ScimEdge.Callers;
using Identity.ScimEdge.Endpoints.Groups;
using Identity.ScimEdge.Endpoints.Users;
using Identity.ScimEdge.Errors;
using Identity.ScimEdge.Responses;
using Identity.ScimEdge.Versioning;

namespace Identity.ScimEdge.Endpoints.Bulk;

/// <summary>
/// Runs a BulkRequest through the same commands as single requests. Operations whose bulkId
/// references are not yet resolved wait until the operation they name has run (RFC 7644 §3.7.2);
/// references that can never resolve (unknown or circular) fail with 409.
/// </summary>
public sealed class BulkProcessor(UserCommands users, GroupCommands groups)
{
    internal async Task<JsonArray> RunAsync(ScimRequestContext request, IReadOnlyList<BulkOperation> operations, int failOnErrors, CancellationToken cancellationToken)
    {
        var results = new JsonObject?[operations.Count];
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new BulkOrder(operations);
        var errors = 0;
        while ((failOnErrors == 0 || errors < failOnErrors) && order.TryTakeNext(out var ready))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await RunOneAsync(request, BulkIdReferences.Resolve(ready, ids), cancellationToken);
            results[ready.Index] = result.Response;
            if (result.CreatedId is { } created && ready.BulkId is { } bulkId)
            {
                ids[bulkId] = created;
                order.Resolved(bulkId);
            }
            errors += result.Failed ? 1 : 0;
        }
        if (failOnErrors == 0 || errors < failOnErrors)
        {
            foreach (var stuck in order.Waiting)
            {
                results[stuck.Index] = Failure(stuck, new ScimException(StatusCodes.Status409Conflict, ScimErrorTypes.InvalidValue,
                    "The operation references a bulkId that no successful operation of this request defines (or a circular reference)."));
            }
        }
        // RFC 7644 §3.7.3: after failOnErrors errors the rest is not attempted and not reported.
        return new JsonArray(results.Where(r => r is not null).Select(r => (JsonNode)r!).ToArray());
    }

    private async Task<(JsonObject Response, string? CreatedId, bool Failed)> RunOneAsync(ScimRequestContext request, BulkOperation op, CancellationToken cancellationToken)
    {
        try
        {
            var (resourceType, id) = ParsePath(op.Path);
            var ifMatch = ETags.ParseIfMatch(op.Version);
            ScimOutcome outcome = (op.Method, resourceType, id) switch
            {
                ("POST", "Users", null) => await users.CreateAsync(request, op.Data!, cancellationToken),
                ("POST", "Groups", null) => await groups.CreateAsync(request, op.Data!, cancellationToken),
                ("PUT", "Users", { } userId) => await users.ReplaceAsync(request, userId, op.Data!, ifMatch, cancellationToken),
                ("PUT", "Groups", { } groupId) => await groups.ReplaceAsync(request, groupId, op.Data!, ifMatch, withMembers: false, cancellationToken),
                ("PATCH", "Users", { } userId) => await users.PatchAsync(request, userId, PatchRequest.Parse(op.Data), ifMatch, cancellationToken),
                ("PATCH", "Groups", { } groupId) => await groups.PatchAsync(request, groupId, PatchRequest.Parse(op.Data), ifMatch, readBack: true, withMembers: false, cancellationToken),
                ("DELETE", "Users", { } userId) => await DeleteAsync(() => users.DeleteAsync(request, userId, ifMatch, cancellationToken)),
                ("DELETE", "Groups", { } groupId) => await DeleteAsync(() => groups.DeleteAsync(request, groupId, ifMatch, cancellationToken)),
                _ => throw ScimException.InvalidPath($"'{op.Method} {op.Path}' is not a bulk operation this server supports."),
            };
            var response = Entry(op, outcome.Status);
            if (outcome.Location is not null)
            {
                response["location"] = outcome.Location;
            }
            if (outcome.Version > 0)
            {
                response["version"] = ETags.Format(outcome.Version);
            }
            var createdId = op.Method == "POST" ? outcome.Resource?["id"]?.GetValue<string>() : null;
            return (response, createdId, false);
        }
        catch (ScimException ex)
        {
            return (Failure(op, ex), null, true);
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (Failure(op, ScimErrorMap.FromRpc(ex).Error), null, true);
        }
    }

    private static async Task<ScimOutcome> DeleteAsync(Func<Task> delete)
    {
        await delete();
        return new ScimOutcome(StatusCodes.Status204NoContent);
    }

    private static (string ResourceType, string? Id) ParsePath(string path)
    {
        var parts = path.Trim('/').Split('/');
        return parts switch
        {
            [var type] when IsKnown(type) => (Canonical(type), null),
            [var type, var id] when IsKnown(type) && id.Length > 0 => (Canonical(type), Uri.UnescapeDataString(id)),
            _ => throw ScimException.InvalidPath($"Bulk path '{path}' must be /Users, /Groups, /Users/{{id}} or /Groups/{{id}}."),
        };
    }

    private static bool IsKnown(string type) => type.Equals("Users", StringComparison.OrdinalIgnoreCase) || type.Equals("Groups", StringComparison.OrdinalIgnoreCase);

    private static string Canonical(string type) => type.Equals("Users", StringComparison.OrdinalIgnoreCase) ? "Users" : "Groups";

    private static JsonObject Entry(BulkOperation op, int status)
    {
        var entry = new JsonObject { ["method"] = op.Method };
        if (op.BulkId is not null)
        {
            entry["bulkId"] = op.BulkId;
        }
        entry["status"] = status.ToString(CultureInfo.InvariantCulture);
        return entry;
    }

    private static JsonObject Failure(BulkOperation op, ScimException error)
    {
        var entry = Entry(op, error.Status);
        entry["response"] = error.ToErrorDocument();
        return entry;
    }
}
