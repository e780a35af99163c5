using System.Text.Json.Nodes;
using Identity.Scim.Filters;
using Identity.Scim.Resources;
using Identity.Scim.Schemas;

namespace Identity.Scim.Patching;

/// <summary>Multi-valued attribute rules of RFC 7643 §2.4 and RFC 7644 §3.5.2.1.</summary>
internal static class MultiValuedMerge
{
    /// <summary>
    /// Adds values to an array. RFC 7644 §3.5.2.1: values are added and no duplicate is made. A
    /// complex value is "the same" as an existing one when their "value" sub-attributes are equal
    /// and their types agree or one is absent; then its sub-attributes are merged in. Entra
    /// re-adds every existing member as {"$ref":null,"value":id} (docs/idp-dialects.md §2.1), which
    /// must not duplicate a stored {"value":id,"display":...}.
    /// </summary>
    public static void AddValues(JsonArray target, JsonArray additions, ScimAttribute attribute, CancellationToken cancellationToken = default)
    {
        JsonObject? lastPrimary = null;
        var index = new MultiValuedIndex(target, attribute);
        for (var i = 0; i < additions.Count; i++)
        {
            if ((i & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var addition = additions[i]!;
            var existing = index.FindSame(addition);
            if (existing is JsonObject existingObject && addition is JsonObject additionObject)
            {
                // The merged element may change its bucket (a new "value" or string member).
                index.Remove(existingObject);
                foreach (var (key, value) in additionObject)
                {
                    ScimJson.Set(existingObject, key, value?.DeepClone());
                }

                index.Add(existingObject);
                lastPrimary = IsPrimary(existingObject) ? existingObject : lastPrimary;
            }
            else if (existing is null)
            {
                var copy = addition.DeepClone();
                target.Add(copy);
                index.Add(copy);
                lastPrimary = copy is JsonObject added && IsPrimary(added) ? added : lastPrimary;
            }
        }

        if (lastPrimary is not null)
        {
            KeepSinglePrimary(target, lastPrimary);
        }
    }

    /// <summary>
    /// RFC 7643 §2.4: "primary" is true for at most one value. The element just set to
    /// primary wins; the others lose the flag.
    /// </summary>
    public static void KeepSinglePrimary(JsonArray array, JsonObject winner)
    {
        foreach (var element in array.OfType<JsonObject>())
        {
            if (!ReferenceEquals(element, winner) && IsPrimary(element))
            {
                ScimJson.Set(element, "primary", false);
            }
        }
    }

    /// <summary>After a wholesale replace: if several values claim primary, the last one keeps it.</summary>
    public static void NormalizePrimary(JsonArray array)
    {
        var last = array.OfType<JsonObject>().LastOrDefault(IsPrimary);
        if (last is not null)
        {
            KeepSinglePrimary(array, last);
        }
    }

    public static bool IsPrimary(JsonObject element) => ValueComparer.ReadBoolean(ScimJson.Get(element, "primary")) == true;

    public static bool IsSame(JsonNode existing, JsonNode candidate, ScimAttribute attribute)
    {
        if (existing is JsonObject left && candidate is JsonObject right)
        {
            var leftValue = ScimJson.Get(left, "value");
            var rightValue = ScimJson.Get(right, "value");
            if (leftValue is null || rightValue is null)
            {
                return JsonNode.DeepEquals(left, right);
            }

            var caseExact = attribute.FindSubAttribute("value")?.CaseExact ?? false;
            return ScalarEquals(leftValue, rightValue, caseExact)
                && TypesAgree(ScimJson.AsString(ScimJson.Get(left, "type")), ScimJson.AsString(ScimJson.Get(right, "type")));
        }

        return ScalarEquals(existing, candidate, attribute.CaseExact);
    }

    private static bool TypesAgree(string? left, string? right) =>
        left is null || right is null || string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    private static bool ScalarEquals(JsonNode left, JsonNode right, bool caseExact)
    {
        if (ScimJson.AsString(left) is { } leftText && ScimJson.AsString(right) is { } rightText)
        {
            return string.Equals(leftText, rightText, caseExact ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
        }

        return JsonNode.DeepEquals(left, right);
    }
}
