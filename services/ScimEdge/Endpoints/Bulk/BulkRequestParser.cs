using System.Text.Json.Nodes;
using Identity.Scim.Errors;
using Identity.Scim.Resources;
using Identity.Scim.Schemas;

namespace Identity.ScimEdge.Endpoints.Bulk;

internal static class BulkRequestParser
{
    public static (IReadOnlyList<BulkOperation> Operations, int FailOnErrors) Parse(JsonObject body, int maxOperations)
    {
        if (!ScimJson.SchemaUris(body).Contains(ScimSchemaUris.BulkRequest, StringComparer.OrdinalIgnoreCase))
        {
            throw ScimException.InvalidSyntax($"A bulk request lists the schema {ScimSchemaUris.BulkRequest}.");
        }
        var failOnErrors = ScimJson.Get(body, "failOnErrors") switch
        {
            null => 0,
            JsonValue v when v.TryGetValue<int>(out var n) && n >= 0 => n,
            _ => throw ScimException.InvalidValue("failOnErrors must be a non-negative integer."),
        };
        if (ScimJson.Get(body, "Operations") is not JsonArray operations || operations.Count == 0)
        {
            throw ScimException.InvalidSyntax("A bulk request needs a non-empty 'Operations' array.");
        }
        if (operations.Count > maxOperations)
        {
            // RFC 7644 §3.7.4: too many operations is a 413 naming the limit.
            throw new ScimException(StatusCodes.Status413PayloadTooLarge, ScimErrorTypes.TooMany,
                $"The bulk request has {operations.Count} operations; this server accepts at most {maxOperations}.");
        }
        var parsed = new List<BulkOperation>(operations.Count);
        for (var i = 0; i < operations.Count; i++)
        {
            if (operations[i] is not JsonObject operation)
            {
                throw ScimException.InvalidSyntax($"Operations[{i}] must be an object.");
            }
            var method = ScimJson.AsString(ScimJson.Get(operation, "method"))?.ToUpperInvariant()
                ?? throw ScimException.InvalidSyntax($"Operations[{i}] needs a 'method'.");
            if (method is not ("POST" or "PUT" or "PATCH" or "DELETE"))
            {
                throw ScimException.InvalidValue($"Operations[{i}].method '{method}' is not POST, PUT, PATCH or DELETE.");
            }
            var path = ScimJson.AsString(ScimJson.Get(operation, "path"))
                ?? throw ScimException.InvalidSyntax($"Operations[{i}] needs a 'path'.");
            var bulkId = ScimJson.AsString(ScimJson.Get(operation, "bulkId"));
            if (method == "POST" && string.IsNullOrEmpty(bulkId))
            {
                // RFC 7644 §3.7: bulkId is REQUIRED for POST.
                throw ScimException.InvalidValue($"Operations[{i}] is a POST and needs a 'bulkId'.");
            }
            var data = ScimJson.Get(operation, "data");
            if (method != "DELETE" && data is not JsonObject)
            {
                throw ScimException.InvalidSyntax($"Operations[{i}] ({method}) needs a 'data' object.");
            }
            parsed.Add(new BulkOperation(i, method, bulkId, ScimJson.AsString(ScimJson.Get(operation, "version")), path, data as JsonObject));
        }
        return (parsed, failOnErrors);
    }
}
