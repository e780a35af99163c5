using System.Text.Json.Nodes;
using Identity.Scim.Patching;
using Identity.Scim.Resources;
using Identity.Scim.Schemas;
using Identity.Scim.Validation;

namespace Identity.Scim.Dialects;

/// <summary>
/// <c>remove</c> on a multi-valued attribute with a value list. The Entra default dialect and
/// JumpCloud remove members as <c>{"op":"Remove","path":"members","value":[{"value":id}]}</c>
/// (docs/idp-dialects.md §2.1, §2.5, §2.8 item 3). Read per RFC 7644 §3.5.2.2 that would wipe the
/// attribute, which emptied whole groups in other servers (§2.7); we remove only the listed
/// values and ignore ones that are absent, so the IdP's retries stay harmless.
/// </summary>
internal static class ListedValueRemoval
{
    public static void Remove(JsonObject container, ScimAttribute attribute, JsonArray values, JsonNode listed, string name)
    {
        var removals = AttributeValueChecker.Check(listed, attribute, name, ValidationOptions.Lenient) as JsonArray ?? [];
        foreach (var removal in removals)
        {
            if (MultiValuedMerge.FindSame(values, removal!, attribute) is { } match)
            {
                values.Remove(match);
            }
        }

        if (values.Count == 0)
        {
            ScimJson.Remove(container, attribute.Name);
        }
    }
}
