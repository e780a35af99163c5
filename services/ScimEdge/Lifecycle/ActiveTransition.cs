using System.Text.Json.Nodes;
using Identity.Scim.Resources;

namespace Identity.ScimEdge.Lifecycle;

/// <summary>What a write does to a user's access, decided from the resource before and after it.</summary>
internal enum ActiveTransition
{
    None,
    Deactivate,
    Reactivate,
}

internal static class ActiveTransitions
{
    /// <summary>
    /// Deactivate when the result is inactive and the stored user was active. Reactivate whenever the
    /// result is active and either the stored user was inactive or the request set active itself:
    /// unblocking is idempotent, and a retry after a half-done reactivation must still unblock.
    /// </summary>
    public static ActiveTransition Of(JsonObject? before, JsonObject after, bool requestMentionsActive)
    {
        var wasActive = before is null || IsActive(before);
        var isActive = IsActive(after);
        return (wasActive, isActive) switch
        {
            (true, false) => ActiveTransition.Deactivate,
            (false, true) => ActiveTransition.Reactivate,
            (true, true) when requestMentionsActive && before is not null => ActiveTransition.Reactivate,
            _ => ActiveTransition.None,
        };
    }

    /// <summary>RFC 7643 §4.1.1: active absent means the service provider's default, here active.</summary>
    public static bool IsActive(JsonObject resource) => ScimJson.Get(resource, "active") switch
    {
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        // Validation already turned IdPs' "False" strings into booleans; be safe with stored data anyway.
        JsonValue value when value.TryGetValue<string>(out var text) && bool.TryParse(text, out var parsed) => parsed,
        _ => true,
    };
}
