using System.Text.Json.Nodes;
using Identity.Scim.Dialects;
using Identity.Scim.Errors;
using Identity.Scim.Filters;
using Identity.Scim.Resources;
using Identity.Scim.Schemas;
using Identity.Scim.Validation;

namespace Identity.Scim.Patching;

/// <summary>Operations whose path carries a value filter: <c>emails[type eq "work"].value</c>.</summary>
internal sealed partial class PatchApplier
{
    private void ApplyFiltered(
        PatchOperationType type,
        JsonObject container,
        ScimAttribute attribute,
        FilterNode filter,
        ScimAttribute? sub,
        JsonNode? value,
        bool clearing,
        string name)
    {
        var existing = ScimJson.Get(container, attribute.Name);
        var predicate = _evaluator.CompileElementFilter(filter, attribute);
        var elements = existing switch
        {
            JsonArray array => array.OfType<JsonObject>().ToList(),
            JsonObject single => [single],
            _ => [],
        };
        var matches = elements.Where(predicate).ToList();

        if (type == PatchOperationType.Remove)
        {
            RemoveFiltered(container, attribute, existing, matches, sub, clearing, name);
            return;
        }

        if (sub is not null)
        {
            var checkedValue = AttributeValueChecker.Check(value, sub, name, _options);
            if (matches.Count == 0)
            {
                matches.Add(FilterPathUpsert.CreateMatchingElement(container, attribute, filter, name, _options));
            }

            foreach (var match in matches)
            {
                SetOrRemove(match, sub, checkedValue, name);
            }
        }
        else
        {
            // A one-element list is read as its element; a filtered path names single values.
            var single = value is JsonArray { Count: 1 } list ? list[0] : value;
            if (single is null or JsonArray)
            {
                throw ScimException.InvalidValue($"'{name}' selects values by filter; give one value object, not a list.");
            }

            var replacement = (JsonObject)AttributeValueChecker.CheckSingle(single, attribute, name, _options);
            if (matches.Count == 0)
            {
                matches.Add(FilterPathUpsert.CreateMatchingElement(container, attribute, filter, name, _options));
            }

            foreach (var match in matches)
            {
                if (type == PatchOperationType.Replace)
                {
                    // RFC 7644 §3.5.2.3: the matching values are replaced. The filter's own
                    // equalities (type eq "work") stay, so the value keeps matching its path.
                    var keep = EqualityTerms.Conjunction(filter) ?? [];
                    match.Clear();
                    foreach (var (key, term) in keep)
                    {
                        ScimJson.Set(match, key, term.DeepClone());
                    }
                }

                foreach (var (key, subValue) in replacement)
                {
                    ScimJson.Set(match, key, subValue?.DeepClone());
                }
            }
        }

        if (ScimJson.Get(container, attribute.Name) is JsonArray values && matches.LastOrDefault(MultiValuedMerge.IsPrimary) is { } primary)
        {
            MultiValuedMerge.KeepSinglePrimary(values, primary);
        }
    }

    private static void RemoveFiltered(
        JsonObject container,
        ScimAttribute attribute,
        JsonNode? existing,
        List<JsonObject> matches,
        ScimAttribute? sub,
        bool clearing,
        string name)
    {
        if (matches.Count == 0)
        {
            // RFC 7644 §3.12 noTarget: "the specified path did not yield an attribute or attribute
            // value that could be operated on". Clearing ("" / null) something absent is done already.
            if (clearing)
            {
                return;
            }

            throw ScimException.NoTarget($"'{name}' matched no value.");
        }

        if (sub is not null)
        {
            foreach (var match in matches)
            {
                SetOrRemove(match, sub, null, name);
            }

            DropEmptyElements(container, attribute);
            return;
        }

        if (existing is JsonArray array)
        {
            foreach (var match in matches)
            {
                array.Remove(match);
            }

            if (array.Count == 0)
            {
                ScimJson.Remove(container, attribute.Name);
            }

            return;
        }

        // A single-valued complex attribute: Entra removes the manager as
        // manager[value eq "id"] (docs/idp-dialects.md §2.1, §2.8 item 5).
        ScimJson.Remove(container, attribute.Name);
    }
}
