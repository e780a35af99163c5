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
        var index = new MultiValuedIndex(values, attribute);
        var removed = new HashSet<JsonNode>(ReferenceEqualityComparer.Instance);
        foreach (var removal in removals)
        {
            if (index.FindSame(removal!) is { } match)
            {
                index.Remove(match);
                removed.Add(match);
            }
        }

        if (removed.Count > 0)
        {
            // Rebuilt in one pass: JsonArray.Remove per match shifts the array each time.
            var kept = values.Where(element => element is null || !removed.Contains(element)).ToList();
            values.Clear();
            foreach (var element in kept)
            {
                values.Add(element);
            }
        }

        if (values.Count == 0)
        {
            ScimJson.Remove(container, attribute.Name);
        }
    }
}
