using System.Text.Json.Nodes;
using Identity.Scim.Errors;
using Identity.Scim.Resources;
using Identity.Scim.Schemas;

namespace Identity.Scim.Dialects;

/// <summary>Normalises the "schemas" list of a create or replace body.</summary>
internal static class SchemaListNormalizer
{
    // OneLogin's customer-authored templates may carry the SCIM 1.1 core URN (docs/idp-dialects.md §2.4).
    private const string Scim11Core = "urn:scim:schemas:core:1.0";

    /// <summary>
    /// Returns the list to store: the core schema first, then the known extensions listed.
    /// RFC 7643 §3 makes "schemas" required and it must name the core schema (invalidSyntax
    /// otherwise). Unknown URNs are dropped, not refused: Entra's Group POST adds
    /// "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group" (docs/idp-dialects.md §2.1, §2.8).
    /// </summary>
    public static JsonArray Normalize(JsonObject input, ResourceSchema schema)
    {
        if (ScimJson.Get(input, "schemas") is not JsonArray listed || listed.Any(item => ScimJson.AsString(item) is null))
        {
            throw ScimException.InvalidSyntax($"'schemas' must be an array of schema URNs including \"{schema.Core.Id}\".");
        }

        var uris = listed.Select(item => ScimJson.AsString(item)!).ToList();
        var hasCore = uris.Any(u => u.Equals(schema.Core.Id, StringComparison.OrdinalIgnoreCase)
            || u.Equals(Scim11Core, StringComparison.OrdinalIgnoreCase));
        if (!hasCore)
        {
            throw ScimException.InvalidSyntax($"'schemas' must include \"{schema.Core.Id}\" (RFC 7643 §3).");
        }

        var result = new JsonArray(schema.Core.Id);
        foreach (var uri in uris)
        {
            if (schema.FindExtension(uri) is { } extension && !result.Any(r => ScimJson.AsString(r) == extension.Id))
            {
                result.Add(extension.Id);
            }
        }

        return result;
    }
}
