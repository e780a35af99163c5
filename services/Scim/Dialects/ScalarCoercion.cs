using System.Text.Json;
using System.Text.Json.Nodes;
using Identity.Scim.Schemas;

namespace Identity.Scim.Dialects;

/// <summary>
/// Value shapes real IdPs send for typed attributes, normalised before type checks.
/// </summary>
internal static class ScalarCoercion
{
    /// <summary>
    /// Booleans: JSON true/false, or the strings "True"/"False" in any case. Entra's default
    /// (pre-aadOptscim062020) dialect disables users with <c>"value":"False"</c>, and OneLogin
    /// templates produce <c>"active": "true"</c> (docs/idp-dialects.md §2.1, §2.4, §2.8 item 2).
    /// </summary>
    public static JsonValue? ToBoolean(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.True => JsonValue.Create(true),
        JsonValueKind.False => JsonValue.Create(false),
        JsonValueKind.String when bool.TryParse(value.GetValue<string>().Trim(), out var parsed) => JsonValue.Create(parsed),
        _ => null,
    };

    /// <summary>
    /// A bare string for a complex attribute with a "value" sub-attribute becomes <c>{"value": s}</c>:
    /// Entra sets the manager as <c>"value":"271"</c> (docs/idp-dialects.md §2.1, SCIM-SDK #541).
    /// </summary>
    public static JsonNode WrapBareValue(JsonNode value, ScimAttribute attribute) =>
        value.GetValueKind() == JsonValueKind.String && attribute.FindSubAttribute("value") is { } sub
            ? new JsonObject { [sub.Name] = value.DeepClone() }
            : value;
}
