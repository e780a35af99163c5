using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Scim.Errors;
using Identity.Scim.Paths;
using Identity.Scim.Resources;
using Identity.Scim.Schemas;

namespace Identity.Scim.Patching;

/// <summary>A validated PATCH body (RFC 7644 §3.5.2).</summary>
public sealed class PatchRequest
{
    /// <summary>The default cap on operations per request; a SaaS edge should not loop unboundedly on input.</summary>
    public const int DefaultMaxOperations = 1000;

    public PatchRequest(IReadOnlyList<PatchOperation> operations)
    {
        Operations = operations;
    }

    public IReadOnlyList<PatchOperation> Operations { get; }

    /// <summary>
    /// Validates the envelope and each operation. A body that is not an object, lacks the PatchOp
    /// schema or has no Operations array throws invalidSyntax; an empty or oversized list,
    /// unknown op or missing value throws invalidValue; a bad path throws invalidPath. Op names
    /// are case-insensitive: Entra sends "Replace", Okta "replace" (docs/idp-dialects.md §2.8 item 1).
    /// </summary>
    public static PatchRequest Parse(JsonNode? body, int maxOperations = DefaultMaxOperations)
    {
        if (body is not JsonObject envelope)
        {
            throw ScimException.InvalidSyntax("The PATCH body must be a JSON object.");
        }

        if (!ScimJson.SchemaUris(envelope).Contains(ScimSchemaUris.PatchOp, StringComparer.OrdinalIgnoreCase))
        {
            throw ScimException.InvalidSyntax($"The PATCH body's 'schemas' must contain \"{ScimSchemaUris.PatchOp}\".");
        }

        if (ScimJson.Get(envelope, "Operations") is not JsonArray operations)
        {
            throw ScimException.InvalidSyntax("The PATCH body must have an 'Operations' array.");
        }

        if (operations.Count == 0)
        {
            throw ScimException.InvalidValue("'Operations' must hold at least one operation.");
        }

        if (operations.Count > maxOperations)
        {
            throw ScimException.InvalidValue($"'Operations' holds {operations.Count} operations; at most {maxOperations} are allowed.");
        }

        var parsed = new List<PatchOperation>(operations.Count);
        for (var i = 0; i < operations.Count; i++)
        {
            parsed.Add(ParseOperation(operations[i], i));
        }

        return new PatchRequest(parsed);
    }

    /// <summary>Renders the request as an RFC 7644 §3.5.2 PatchOp message.</summary>
    public JsonObject ToJson() => new()
    {
        ["schemas"] = new JsonArray(ScimSchemaUris.PatchOp),
        [nameof(Operations)] = new JsonArray(Operations.Select(o => (JsonNode?)o.ToJson()).ToArray()),
    };

    private static PatchOperation ParseOperation(JsonNode? node, int index)
    {
        var where = $"Operations[{index}]";
        if (node is not JsonObject operation)
        {
            throw ScimException.InvalidSyntax($"{where} must be an object.");
        }

        var opText = ScimJson.AsString(ScimJson.Get(operation, "op"));
        if (!Enum.TryParse<PatchOperationType>(opText, ignoreCase: true, out var type) || int.TryParse(opText, out _))
        {
            throw ScimException.InvalidValue($"{where}.op must be \"add\", \"replace\" or \"remove\" but was {Describe(opText)}.");
        }

        ScimPath? path = null;
        var pathNode = ScimJson.Get(operation, "path");
        if (pathNode is not null && pathNode.GetValueKind() != JsonValueKind.Null)
        {
            var pathText = ScimJson.AsString(pathNode) ?? throw ScimException.InvalidPath($"{where}.path must be a string.");

            // An empty path is sent for "no path" by some clients; RFC 7644 §3.5.2 makes path optional.
            path = pathText.Trim().Length == 0 ? null : ScimPath.Parse(pathText.Trim());
        }

        var hasValue = ScimJson.TryGet(operation, "value", out _, out var value);
        if (type != PatchOperationType.Remove && !hasValue)
        {
            throw ScimException.InvalidValue($"{where}: \"{opText}\" requires a 'value' (RFC 7644 §3.5.2.1).");
        }

        if (path is null && type != PatchOperationType.Remove && value is not JsonObject)
        {
            throw ScimException.InvalidValue($"{where}: without a 'path', 'value' must be an object of attributes (RFC 7644 §3.5.2).");
        }

        // RFC 7644 §3.5.2.2: remove without a path fails with noTarget. A value object is the
        // Salesforce-style {"members":[...]} removal (docs/idp-dialects.md §2.8 item 3).
        if (path is null && type == PatchOperationType.Remove && value is not JsonObject)
        {
            throw ScimException.NoTarget($"{where}: \"remove\" requires a 'path' (RFC 7644 §3.5.2.2).");
        }

        return new PatchOperation(type, path, value?.DeepClone());
    }

    private static string Describe(string? text) => text is null ? "missing" : $"\"{text}\"";
}
