using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Scim.Dialects;
using Identity.Scim.Errors;
using Identity.Scim.Patching;
using Identity.Scim.Resources;
using Identity.Scim.Schemas;

namespace Identity.Scim.Validation;

/// <summary>
/// Validates a resource body for create (POST) and replace (PUT) against the schema context and
/// returns the resource to store: type-checked, IdP shapes coerced, readOnly input dropped.
/// </summary>
public static class ResourceValidator
{
    /// <summary>
    /// Validates a POST body. Missing core schema → invalidSyntax; wrong types, unknown attributes
    /// (unless <see cref="ValidationOptions.DropUnknownAttributes"/>), missing required attributes
    /// → invalidValue, each detail naming the attribute.
    /// </summary>
    public static JsonObject ValidateCreate(JsonObject input, ResourceSchema schema, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(schema);
        var result = Clean(input, schema, options ?? ValidationOptions.Default);
        CheckRequired(result, schema);
        return result;
    }

    /// <summary>
    /// Validates a PUT body against the stored resource. RFC 7644 §3.5.1: readOnly values keep
    /// their stored values (id, meta, groups), immutable ones must not change (mutability) and are
    /// kept when omitted; everything else is replaced by the input.
    /// </summary>
    public static JsonObject ValidateReplace(JsonObject input, JsonObject existing, ResourceSchema schema, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(schema);
        var result = Clean(input, schema, options ?? ValidationOptions.Default);
        CarryOver(existing, result, schema.Core, null);
        foreach (var extension in schema.Extensions)
        {
            if (ScimJson.Get(existing, extension.Id) is JsonObject stored)
            {
                var target = ScimJson.Get(result, extension.Id) as JsonObject ?? [];
                CarryOver(stored, target, extension, extension.Id);
                if (target.Count > 0 && target.Parent is null)
                {
                    result[extension.Id] = target;
                    ScimJson.EnsureSchemaListed(result, extension.Id);
                }
            }
        }

        CheckRequired(result, schema);
        return result;
    }

    private static JsonObject Clean(JsonObject input, ResourceSchema schema, ValidationOptions options)
    {
        var schemas = SchemaListNormalizer.Normalize(input, schema);
        var result = new JsonObject { ["schemas"] = schemas };
        foreach (var (key, value) in input)
        {
            if (key.Equals("schemas", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (schema.FindExtension(key) is { } extension)
            {
                if (value is null || value.GetValueKind() == JsonValueKind.Null)
                {
                    continue;
                }

                if (value is not JsonObject extensionValue)
                {
                    throw ScimException.InvalidValue($"'{key}' must be an object of extension attributes.");
                }

                var cleaned = CleanAttributes(extensionValue, extension, extension.Id + ":", options);
                if (cleaned.Count > 0)
                {
                    result[extension.Id] = cleaned;

                    // Lenient: an extension object present but missing from "schemas" is listed for
                    // the client rather than refused (RFC 7643 §3 asks clients to list it).
                    ScimJson.EnsureSchemaListed(result, extension.Id);
                }

                continue;
            }

            var attribute = CommonAttributes.Find(key) ?? schema.Core.FindAttribute(key);
            if (attribute is null)
            {
                if (options.DropUnknownAttributes)
                {
                    continue;
                }

                throw ScimException.InvalidValue($"'{key}' is not an attribute of {schema.ResourceType.Name} (schema {schema.Core.Id}).");
            }

            AddChecked(result, attribute, value, "", options);
        }

        return result;
    }

    private static JsonObject CleanAttributes(JsonObject input, ScimSchema schema, string prefix, ValidationOptions options)
    {
        var result = new JsonObject();
        foreach (var (key, value) in input)
        {
            var attribute = schema.FindAttribute(key);
            if (attribute is null)
            {
                if (options.DropUnknownAttributes)
                {
                    continue;
                }

                throw ScimException.InvalidValue($"'{prefix}{key}' is not an attribute of schema {schema.Id}.");
            }

            AddChecked(result, attribute, value, prefix, options);
        }

        return result;
    }

    private static void AddChecked(JsonObject target, ScimAttribute attribute, JsonNode? value, string prefix, ValidationOptions options)
    {
        // RFC 7643 §2.2: readOnly values in a request SHALL be ignored. Explicit nulls mean
        // unassigned (§2.5); Entra sends "addresses": null (docs/idp-dialects.md §2.1).
        if (attribute.Mutability == ScimMutability.ReadOnly)
        {
            return;
        }

        var checkedValue = AttributeValueChecker.Check(value, attribute, prefix + attribute.Name, options);
        if (checkedValue is not null and not JsonArray { Count: 0 })
        {
            if (checkedValue is JsonArray values)
            {
                // RFC 7643 §2.4: "primary" is true for at most one value; the last one claiming it wins.
                MultiValuedMerge.NormalizePrimary(values);
            }

            target[attribute.Name] = checkedValue;
        }
    }

    private static void CarryOver(JsonObject stored, JsonObject target, ScimSchema schema, string? prefix)
    {
        foreach (var (key, value) in stored)
        {
            var attribute = (prefix is null ? CommonAttributes.Find(key) : null) ?? schema.FindAttribute(key);
            if (attribute is null || value is null)
            {
                continue;
            }

            var name = prefix is null ? attribute.Name : prefix + ":" + attribute.Name;
            if (attribute.Mutability == ScimMutability.ReadOnly && !attribute.Name.Equals("schemas", StringComparison.Ordinal))
            {
                target[attribute.Name] = value.DeepClone();
            }
            else if (attribute.Mutability == ScimMutability.Immutable && ScimJson.IsPresent(value))
            {
                var given = ScimJson.Get(target, attribute.Name);
                if (given is null)
                {
                    target[attribute.Name] = value.DeepClone();
                }
                else if (!JsonNode.DeepEquals(given, value))
                {
                    throw ScimException.Mutability($"'{name}' is immutable (RFC 7643 §2.2) and cannot change on replace.");
                }
            }
        }
    }

    private static void CheckRequired(JsonObject resource, ResourceSchema schema)
    {
        CheckRequired(resource, schema.Core.Attributes, "");
        foreach (var extension in schema.Extensions)
        {
            var present = ScimJson.Get(resource, extension.Id) as JsonObject;
            if (present is null && schema.IsExtensionRequired(extension.Id))
            {
                throw ScimException.InvalidValue($"The extension '{extension.Id}' is required for {schema.ResourceType.Name}.");
            }

            if (present is not null)
            {
                CheckRequired(present, extension.Attributes, extension.Id + ":");
            }
        }
    }

    private static void CheckRequired(JsonObject container, IReadOnlyList<ScimAttribute> attributes, string prefix)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Required && attribute.Mutability != ScimMutability.ReadOnly
                && !ScimJson.IsPresent(ScimJson.Get(container, attribute.Name)))
            {
                throw ScimException.InvalidValue($"'{prefix}{attribute.Name}' is required.");
            }
        }
    }
}
