using System.Text.Json.Nodes;
using Identity.Scim.Paths;

namespace Identity.Scim.Patching;

/// <summary>One PATCH operation: its type, optional path and optional value (a detached copy).</summary>
public sealed record PatchOperation(PatchOperationType Type, ScimPath? Path, JsonNode? Value)
{
    /// <summary>Renders the operation in RFC 7644 §3.5.2 form (lower-case op).</summary>
    public JsonObject ToJson()
    {
        var node = new JsonObject { ["op"] = Type.ToString().ToLowerInvariant() };
        if (Path is not null)
        {
            node["path"] = Path.ToString();
        }

        if (Value is not null)
        {
            node["value"] = Value.DeepClone();
        }

        return node;
    }

    public override string ToString() => ToJson().ToJsonString();
}
