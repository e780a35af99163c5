using System.Text.Json.Nodes;
using Identity.Scim.Schemas;

namespace Identity.Scim.Projection;

/// <summary>
/// Applies the <c>attributes</c> / <c>excludedAttributes</c> parameters (RFC 7644 §3.4.2.5) and
/// the schema's "returned" characteristic (RFC 7643 §7): always-returned attributes (id,
/// schemas, meta) stay, never-returned ones (password) go, request-only ones appear when asked.
/// </summary>
public static class AttributeProjector
{
    /// <summary>
    /// Returns a projected copy of <paramref name="resource"/>. When both lists are given,
    /// <paramref name="attributes"/> wins. Malformed names throw invalidPath.
    /// </summary>
    public static JsonObject Project(JsonObject resource, ResourceSchema schema, string? attributes = null, string? excludedAttributes = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(schema);
        var included = AttributeSelection.Parse(attributes, schema, "attributes");
        var excluded = included.IsEmpty ? AttributeSelection.Parse(excludedAttributes, schema, "excludedAttributes") : new AttributeSelection();
        var rules = new ProjectionRules(included.IsEmpty ? null : included, excluded);
        var result = new JsonObject();
        foreach (var (key, value) in resource)
        {
            if (schema.FindExtension(key) is { } extension)
            {
                if (value is JsonObject extensionValue && ProjectExtension(extension, extensionValue, rules) is { Count: > 0 } projected)
                {
                    result[key] = projected;
                }

                continue;
            }

            var attribute = CommonAttributes.Find(key) ?? schema.Core.FindAttribute(key);
            if (rules.Project(attribute, key, value) is { } kept)
            {
                result[key] = kept;
            }
        }

        return result;
    }

    /// <summary>
    /// <paramref name="resource"/> itself when the default projection (no attributes, no
    /// excludedAttributes) would keep all of it, else a projected copy as <see cref="Project"/>
    /// makes. For writing a response: the copy costs more than the write on a create's hot path,
    /// and the result must not be changed by the caller.
    /// </summary>
    public static JsonObject ProjectForResponse(JsonObject resource, ResourceSchema schema, string? attributes = null, string? excludedAttributes = null) =>
        attributes is null && excludedAttributes is null && DefaultKeepsAll(resource, schema)
            ? resource
            : Project(resource, schema, attributes, excludedAttributes);

    /// <summary>Whether the default projection keeps <paramref name="resource"/> unchanged. Read-only; the rules of <see cref="Project"/>.</summary>
    public static bool DefaultKeepsAll(JsonObject resource, ResourceSchema schema)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(schema);
        foreach (var (key, value) in resource)
        {
            // A null member is dropped, as is an extension that is not a non-empty object.
            if (value is null)
            {
                return false;
            }
            if (schema.FindExtension(key) is { } extension)
            {
                if (value is not JsonObject { Count: > 0 } extensionValue
                    || extensionValue.Any(inner => inner.Value is null || !ProjectionRules.DefaultKeepsWhole(extension.FindAttribute(inner.Key), inner.Value)))
                {
                    return false;
                }
                continue;
            }
            if (!ProjectionRules.DefaultKeepsWhole(CommonAttributes.Find(key) ?? schema.Core.FindAttribute(key), value))
            {
                return false;
            }
        }
        return true;
    }

    private static JsonObject? ProjectExtension(ScimSchema extension, JsonObject value, ProjectionRules rules)
    {
        var wholeExtension = rules.Included?.IncludesExtension(extension.Id) == true;
        if (rules.Excluded.IncludesExtension(extension.Id))
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var (key, inner) in value)
        {
            var attribute = extension.FindAttribute(key);
            var kept = wholeExtension ? ProjectionRules.Default(attribute, inner) : rules.Project(attribute, key, inner);
            if (kept is not null)
            {
                result[key] = kept;
            }
        }

        return result;
    }
}
