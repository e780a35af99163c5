using System.Text;
using System.Text.Json.Nodes;
using Identity.Scim.Resources;
using Identity.Scim.Schemas;

namespace Identity.Scim.Patching;

/// <summary>
/// The elements of a multi-valued attribute bucketed by a key that every pair of "same" values
/// (<see cref="MultiValuedMerge"/>) shares, so finding a value's twin costs one lookup and a check
/// of the few elements in its bucket instead of a scan of the whole array. An add or removal of
/// n values to m is then O(n + m), not O(n·m).
/// </summary>
internal sealed class MultiValuedIndex
{
    private readonly Dictionary<string, List<JsonNode>> _buckets;
    private readonly ScimAttribute _attribute;
    private readonly bool _caseExact;

    public MultiValuedIndex(JsonArray elements, ScimAttribute attribute)
    {
        _attribute = attribute;
        _caseExact = attribute.Type == ScimAttributeType.Complex
            ? attribute.FindSubAttribute("value")?.CaseExact ?? false
            : attribute.CaseExact;
        // Case-insensitive values differ only in case within a bucket; the key folds it.
        _buckets = new Dictionary<string, List<JsonNode>>(_caseExact ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
        foreach (var element in elements)
        {
            if (element is not null)
            {
                Add(element);
            }
        }
    }

    public void Add(JsonNode element)
    {
        var key = Key(element);
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            bucket = [];
            _buckets[key] = bucket;
        }

        bucket.Add(element);
    }

    public void Remove(JsonNode element)
    {
        if (_buckets.TryGetValue(Key(element), out var bucket))
        {
            bucket.Remove(element);
        }
    }

    /// <summary>The indexed element that is the same value as <paramref name="candidate"/>, the earliest one when several are.</summary>
    public JsonNode? FindSame(JsonNode candidate)
    {
        if (!_buckets.TryGetValue(Key(candidate), out var bucket))
        {
            return null;
        }

        foreach (var element in bucket)
        {
            if (MultiValuedMerge.IsSame(element, candidate, _attribute))
            {
                return element;
            }
        }

        return null;
    }

    // Strings are their text; other scalars their JSON (prefixed so "1" the string and 1 the number
    // differ); a complex value its "value" the same way, or, without one, the names it carries
    // (DeepEquals needs equal member sets) with its string members.
    private static string Key(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            if (ScimJson.Get(obj, "value") is { } value)
            {
                return ScalarKey(value);
            }

            var names = new List<string>(obj.Count);
            foreach (var (name, member) in obj)
            {
                names.Add(ScimJson.AsString(member) is { } text ? name + "=" + text : name);
            }

            names.Sort(StringComparer.Ordinal);
            return new StringBuilder("\u0002").AppendJoin('\u0003', names).ToString();
        }

        return ScalarKey(node);
    }

    private static string ScalarKey(JsonNode node) => ScimJson.AsString(node) ?? "\u0001" + node.GetValueKind();
}
