using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Scim.Errors;

namespace Identity.Scim.Schemas;

/// <summary>Reads a schema in the RFC 7643 §7 representation (what /Schemas serves).</summary>
public static class SchemaJsonReader
{
    /// <summary>Parses one schema document; a malformed one throws <see cref="ScimException"/> (invalidValue).</summary>
    public static ScimSchema Read(JsonObject document)
    {
        var id = RequiredString(document, "id", "schema");
        if (!id.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            throw ScimException.InvalidValue($"Schema id '{id}' must be a URN (RFC 7643 §7).");
        }

        if (document["attributes"] is not JsonArray attributes)
        {
            throw ScimException.InvalidValue($"Schema '{id}' needs an 'attributes' array.");
        }

        return new ScimSchema
        {
            Id = id,
            Name = OptionalString(document, "name") ?? id[(id.LastIndexOf(':') + 1)..],
            Description = OptionalString(document, "description") ?? "",
            Attributes = ReadAttributes(attributes, id, depth: 0),
        };
    }

    private static List<ScimAttribute> ReadAttributes(JsonArray array, string owner, int depth)
    {
        var result = new List<ScimAttribute>(array.Count);
        foreach (var node in array)
        {
            if (node is not JsonObject attribute)
            {
                throw ScimException.InvalidValue($"Attributes of '{owner}' must be objects.");
            }

            result.Add(ReadAttribute(attribute, owner, depth));
        }

        return result;
    }

    private static ScimAttribute ReadAttribute(JsonObject node, string owner, int depth)
    {
        var name = RequiredString(node, "name", owner);
        if (!Paths.AttributePath.IsAttributeName(name))
        {
            throw ScimException.InvalidValue($"'{name}' in '{owner}' is not a valid attribute name (RFC 7643 §2.1).");
        }

        var type = ParseEnum<ScimAttributeType>(OptionalString(node, "type") ?? "string", name);
        var subAttributes = new List<ScimAttribute>();
        if (node["subAttributes"] is JsonArray subs)
        {
            // RFC 7643 §2.3.8: a complex attribute's sub-attributes cannot themselves be complex.
            if (depth > 0)
            {
                throw ScimException.InvalidValue($"Sub-attribute '{name}' of '{owner}' cannot have sub-attributes.");
            }

            subAttributes = ReadAttributes(subs, name, depth + 1);
        }

        return new ScimAttribute
        {
            Name = name,
            Type = type,
            MultiValued = OptionalBool(node, "multiValued", name),
            Required = OptionalBool(node, "required", name),
            CaseExact = OptionalBool(node, "caseExact", name),
            Description = OptionalString(node, "description") ?? "",
            Mutability = ParseEnum<ScimMutability>(OptionalString(node, "mutability") ?? "readWrite", name),
            Returned = ParseEnum<ScimReturned>(OptionalString(node, "returned") ?? "default", name),
            Uniqueness = ParseEnum<ScimUniqueness>(OptionalString(node, "uniqueness") ?? "none", name),
            CanonicalValues = StringList(node, "canonicalValues", name),
            ReferenceTypes = StringList(node, "referenceTypes", name),
            SubAttributes = subAttributes,
        };
    }

    private static T ParseEnum<T>(string text, string attribute)
        where T : struct, Enum
    {
        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && !int.TryParse(text, out _))
        {
            return value;
        }

        throw ScimException.InvalidValue($"'{text}' is not a valid {typeof(T).Name[4..].ToLowerInvariant()} for attribute '{attribute}'.");
    }

    private static string RequiredString(JsonObject node, string key, string owner) =>
        OptionalString(node, key) ?? throw ScimException.InvalidValue($"'{key}' is required in '{owner}'.");

    private static string? OptionalString(JsonObject node, string key)
    {
        var value = node[key];
        if (value is null)
        {
            return null;
        }

        return value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw ScimException.InvalidValue($"'{key}' must be a string.");
    }

    private static bool OptionalBool(JsonObject node, string key, string attribute)
    {
        var value = node[key];
        return value?.GetValueKind() switch
        {
            null => false,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw ScimException.InvalidValue($"'{key}' of attribute '{attribute}' must be a boolean."),
        };
    }

    private static List<string> StringList(JsonObject node, string key, string attribute)
    {
        if (node[key] is not JsonArray array)
        {
            return [];
        }

        return array
            .Select(item => item?.GetValueKind() == JsonValueKind.String
                ? item.GetValue<string>()
                : throw ScimException.InvalidValue($"'{key}' of attribute '{attribute}' must hold strings."))
            .ToList();
    }
}
