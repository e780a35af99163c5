using System.Text.Json;
using System.Text.Json.Nodes;

namespace Identity.Scim.Resources;

/// <summary>
/// Case-insensitive access to resource JSON: RFC 7643 §2.1 makes attribute names
/// case-insensitive, while System.Text.Json objects are case-sensitive by default.
/// </summary>
public static class ScimJson
{
    /// <summary>Finds a property ignoring case; the exact spelling is tried first because it is the common case.</summary>
    public static bool TryGet(JsonObject node, string name, out string key, out JsonNode? value)
    {
        if (node.TryGetPropertyValue(name, out value))
        {
            key = name;
            return true;
        }

        foreach (var property in node)
        {
            if (string.Equals(property.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                key = property.Key;
                value = property.Value;
                return true;
            }
        }

        key = name;
        value = null;
        return false;
    }

    /// <summary>The value of a property ignoring case, or null.</summary>
    public static JsonNode? Get(JsonObject node, string name) => TryGet(node, name, out _, out var value) ? value : null;

    /// <summary>Sets a property, keeping the spelling of an existing key so no duplicate appears.</summary>
    public static void Set(JsonObject node, string name, JsonNode? value)
    {
        TryGet(node, name, out var key, out _);
        node[key] = value;
    }

    /// <summary>Removes a property ignoring case; true when one was removed.</summary>
    public static bool Remove(JsonObject node, string name) =>
        TryGet(node, name, out var key, out _) && node.Remove(key);

    /// <summary>True when a value is present per RFC 7644 §3.4.2.2 "pr": not null, not "", not an empty array or object.</summary>
    public static bool IsPresent(JsonNode? value) => value switch
    {
        null => false,
        JsonArray array => array.Any(IsPresent),
        JsonObject obj => obj.Any(p => IsPresent(p.Value)),
        JsonValue scalar => scalar.GetValueKind() switch
        {
            JsonValueKind.Null => false,
            JsonValueKind.String => scalar.GetValue<string>().Length > 0,
            _ => true,
        },
        _ => true,
    };

    /// <summary>The string of a JSON string value, or null for anything else.</summary>
    public static string? AsString(JsonNode? value) =>
        value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String ? scalar.GetValue<string>() : null;

    /// <summary>The schemas array of a resource as strings (non-strings skipped).</summary>
    public static List<string> SchemaUris(JsonObject resource) =>
        Get(resource, "schemas") is JsonArray array
            ? array.Select(AsString).OfType<string>().ToList()
            : [];

    /// <summary>Adds a URN to <c>schemas</c> unless it is already listed (RFC 7643 §3: extensions in use are listed).</summary>
    public static void EnsureSchemaListed(JsonObject resource, string uri)
    {
        if (Get(resource, "schemas") is not JsonArray array)
        {
            array = [];
            Set(resource, "schemas", array);
        }

        if (!array.Any(item => string.Equals(AsString(item), uri, StringComparison.OrdinalIgnoreCase)))
        {
            array.Add(uri);
        }
    }

    /// <summary>Removes a URN from <c>schemas</c> (an extension whose last attribute was removed).</summary>
    public static void UnlistSchema(JsonObject resource, string uri)
    {
        if (Get(resource, "schemas") is JsonArray array)
        {
            for (var i = array.Count - 1; i >= 0; i--)
            {
                if (string.Equals(AsString(array[i]), uri, StringComparison.OrdinalIgnoreCase))
                {
                    array.RemoveAt(i);
                }
            }
        }
    }
}
