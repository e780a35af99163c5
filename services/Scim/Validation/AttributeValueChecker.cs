using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Scim.Dialects;
using Identity.Scim.Errors;
using Identity.Scim.Filters;
using Identity.Scim.Resources;
using Identity.Scim.Schemas;

namespace Identity.Scim.Validation;

/// <summary>
/// Checks one attribute value against its definition (RFC 7643 §2.3 types, §2.4 multi-valued,
/// canonical values) and returns the value to store: a fresh node, with the IdP coercions of
/// <see cref="ScalarCoercion"/> applied, or null for "unassigned".
/// </summary>
internal static class AttributeValueChecker
{
    public static JsonNode? Check(JsonNode? value, ScimAttribute attribute, string path, ValidationOptions options)
    {
        if (IsNull(value))
        {
            return null;
        }

        if (!attribute.MultiValued)
        {
            return CheckSingle(value!, attribute, path, options);
        }

        // Lenient: a lone value for a multi-valued attribute is read as a one-element list.
        var items = value is JsonArray array ? array.ToList() : [value];
        if (options.MaxValuesOf(attribute.Name) is { } cap && items.Count > cap)
        {
            throw ScimException.InvalidValue($"Attribute '{path}' has {items.Count} values; this server accepts at most {cap}.");
        }
        var result = new JsonArray();
        foreach (var item in items)
        {
            // An element left with no sub-attributes ({} or only nulls/readOnly ones) says nothing.
            if (!IsNull(item) && CheckSingle(item!, attribute, path, options) is var checkedItem && checkedItem is not JsonObject { Count: 0 })
            {
                result.Add(checkedItem);
            }
        }

        return result;
    }

    /// <summary>Checks one element of a (possibly multi-valued) attribute.</summary>
    public static JsonNode CheckSingle(JsonNode value, ScimAttribute attribute, string path, ValidationOptions options)
    {
        if (value is JsonArray)
        {
            throw ScimException.InvalidValue($"Attribute '{path}' is single-valued but an array was given.");
        }

        return attribute.Type switch
        {
            ScimAttributeType.Complex => CheckComplex(ScalarCoercion.WrapBareValue(value, attribute), attribute, path, options),
            ScimAttributeType.Boolean => ScalarCoercion.ToBoolean(value)
                ?? throw Invalid(path, "a boolean (true or false)", value),
            ScimAttributeType.Integer => IsNumber(value, out var number) && decimal.IsInteger(number) && number is >= long.MinValue and <= long.MaxValue
                ? value.DeepClone()
                : throw Invalid(path, "an integer", value),
            ScimAttributeType.Decimal => IsNumber(value, out _) ? value.DeepClone() : throw Invalid(path, "a decimal number", value),
            ScimAttributeType.DateTime => ValueComparer.TryParseDateTime(ScimJson.AsString(value), out _)
                ? value.DeepClone()
                : throw Invalid(path, "an xsd:dateTime string such as \"2011-05-13T04:42:34Z\"", value),
            ScimAttributeType.Binary => IsBase64(ScimJson.AsString(value)) ? value.DeepClone() : throw Invalid(path, "a base64 string", value),
            _ => CheckString(value, attribute, path),
        };
    }

    private static JsonNode CheckString(JsonNode value, ScimAttribute attribute, string path)
    {
        var text = ScimJson.AsString(value) ?? throw Invalid(path, "a string", value);
        if (attribute.CanonicalValues.Count > 0 && !attribute.CanonicalValuesAreExamples
            && !attribute.CanonicalValues.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            throw ScimException.InvalidValue(
                $"Attribute '{path}' must be one of {string.Join(", ", attribute.CanonicalValues)} but was \"{text}\".");
        }

        return JsonValue.Create(text);
    }

    private static JsonObject CheckComplex(JsonNode value, ScimAttribute attribute, string path, ValidationOptions options)
    {
        if (value is not JsonObject obj)
        {
            throw Invalid(path, "an object with sub-attributes", value);
        }

        var result = new JsonObject();
        foreach (var (key, subValue) in obj)
        {
            var sub = attribute.FindSubAttribute(key);
            if (sub is null)
            {
                if (options.DropUnknownAttributes)
                {
                    continue;
                }

                throw ScimException.InvalidValue($"Attribute '{path}' has no sub-attribute '{key}'.");
            }

            // RFC 7643 §2.2: readOnly values in input SHALL be ignored; so are explicit nulls
            // (Entra sends "$ref": null in member values, docs/idp-dialects.md §2.1).
            if (sub.Mutability == ScimMutability.ReadOnly || IsNull(subValue))
            {
                continue;
            }

            result[sub.Name] = Check(subValue, sub, path + "." + sub.Name, options);
        }

        return result;
    }

    private static bool IsNull(JsonNode? value) => value is null || value.GetValueKind() == JsonValueKind.Null;

    private static bool IsNumber(JsonNode value, out decimal number)
    {
        number = 0;
        return value.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    private static bool IsBase64(string? text)
    {
        if (text is null)
        {
            return false;
        }

        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, buffer, out _);
    }

    private static ScimException Invalid(string path, string expected, JsonNode value) =>
        ScimException.InvalidValue($"Attribute '{path}' must be {expected} but was {Describe(value)}.");

    private static string Describe(JsonNode value)
    {
        var json = value.ToJsonString();
        return json.Length > 60 ? json[..60] + "..." : json;
    }
}
