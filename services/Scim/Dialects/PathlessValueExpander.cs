using System.Text.Json.Nodes;
using Identity.Scim.Errors;
using Identity.Scim.Patching;
using Identity.Scim.Paths;
using Identity.Scim.Schemas;

namespace Identity.Scim.Dialects;

/// <summary>
/// Turns a path-less operation (RFC 7644 §3.5.2: "the target is the resource itself") into one
/// operation per attribute of its value object, so the engine only ever sees paths.
/// </summary>
internal static class PathlessValueExpander
{
    public static IEnumerable<PatchOperation> Expand(PatchOperation operation, ResourceSchema schema)
    {
        if (operation.Path is not null)
        {
            foreach (var expanded in ExpandExtensionPath(operation, schema))
            {
                yield return expanded;
            }

            yield break;
        }

        // PatchRequest.Parse guarantees this; a hand-built request may not.
        if (operation.Value is not JsonObject value)
        {
            throw operation.Type == PatchOperationType.Remove
                ? ScimException.NoTarget("\"remove\" requires a 'path' (RFC 7644 §3.5.2.2).")
                : ScimException.InvalidValue("Without a 'path', 'value' must be an object of attributes (RFC 7644 §3.5.2).");
        }

        foreach (var (key, attributeValue) in value)
        {
            // Okta renames groups with {"id": ..., "displayName": ...} (docs/idp-dialects.md §2.2, §2.8
            // item 4); id, meta and schemas are the server's, so they are skipped, not refused.
            if (IsServerManaged(key))
            {
                continue;
            }

            if (schema.FindExtension(key) is { } extension && attributeValue is JsonObject extensionValue)
            {
                // RFC 7644 §3.5.2.1 example: an extension object keyed by its URN.
                foreach (var (innerKey, innerValue) in extensionValue)
                {
                    yield return new PatchOperation(operation.Type, ToPath(extension.Id + ":" + innerKey), innerValue?.DeepClone());
                }

                continue;
            }

            // Entra's aadOptscim062020 dialect keys values as "name.givenName" and
            // "urn:...:enterprise:2.0:User:employeeNumber" (docs/idp-dialects.md §2.1 item 3, §2.8 item 4).
            yield return new PatchOperation(operation.Type, ToPath(key), attributeValue?.DeepClone());
        }
    }

    /// <summary>
    /// A path naming a whole extension (<c>urn:...:enterprise:2.0:User</c>) reads as its
    /// attributes: add/replace with an object of them, or remove of all of them. The path grammar
    /// wants an attribute after the URN, but the object form is what RFC 7644 §3.5.2.1 shows
    /// for path-less adds, and clients carry it over to paths.
    /// </summary>
    private static IEnumerable<PatchOperation> ExpandExtensionPath(PatchOperation operation, ResourceSchema schema)
    {
        var path = operation.Path!;
        if (path is not { ValueFilter: null, SubAttribute: null, Attribute: { SchemaUri: { } uri, SubAttribute: null } attribute }
            || schema.FindExtension(uri + ":" + attribute.Name) is not { } extension)
        {
            return [operation];
        }

        if (operation.Type == PatchOperationType.Remove)
        {
            return extension.Attributes
                .Where(a => a.Mutability != ScimMutability.ReadOnly)
                .Select(a => new PatchOperation(PatchOperationType.Remove, new ScimPath(new AttributePath(extension.Id, a.Name)), null))
                .ToList();
        }

        if (operation.Value is not JsonObject value)
        {
            throw ScimException.InvalidValue($"'{path}' names the extension {extension.Id}; its value must be an object of its attributes.");
        }

        return value
            .Select(p => new PatchOperation(operation.Type, ToPath(extension.Id + ":" + p.Key), p.Value?.DeepClone()))
            .ToList();
    }

    private static bool IsServerManaged(string key) =>
        key.Equals("id", StringComparison.OrdinalIgnoreCase)
        || key.Equals("meta", StringComparison.OrdinalIgnoreCase)
        || key.Equals("schemas", StringComparison.OrdinalIgnoreCase);

    private static ScimPath ToPath(string key) =>
        AttributePath.TryParse(key, out var reason) is { } path
            ? new ScimPath(path)
            : throw ScimException.InvalidPath($"The value key '{key}' is not an attribute path: expected {reason}.");
}
