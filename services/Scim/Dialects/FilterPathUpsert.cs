using System.Text.Json.Nodes;
using Identity.Scim.Errors;
using Identity.Scim.Filters;
using Identity.Scim.Patching;
using Identity.Scim.Resources;
using Identity.Scim.Schemas;
using Identity.Scim.Validation;

namespace Identity.Scim.Dialects;

/// <summary>
/// Add/replace through a value filter that matches nothing, under <see cref="ValidationOptions.UpsertThroughValueFilter"/>
/// (the Entra profile). RFC 7644 §3.5.2.3 answers noTarget,
/// but Entra adds and replaces <c>emails[type eq "work"].value</c> expecting the element to be
/// created, and sends successive <c>addresses[type eq "work"].x</c> ops that must build one
/// element (docs/idp-dialects.md §2.1, §2.7 "Work email not created", §2.8 item 5).
/// </summary>
internal static class FilterPathUpsert
{
    /// <summary>
    /// Creates the element the filter describes when it pins one down (only "eq" terms on known
    /// sub-attributes joined by "and"); any other unmatched filter stays noTarget, per the RFC.
    /// </summary>
    public static JsonObject CreateMatchingElement(JsonObject container, ScimAttribute attribute, FilterNode filter, string name, ValidationOptions options)
    {
        if (!options.UpsertThroughValueFilter)
        {
            // RFC 7644 §3.5.2.3: a filter that matches nothing is noTarget; only Entra's profile creates.
            throw ScimException.NoTarget($"'{name}' matched no value (RFC 7644 §3.5.2.3).");
        }

        var terms = EqualityTerms.Conjunction(filter);
        if (terms is null || terms.Any(t => attribute.FindSubAttribute(t.Name) is null))
        {
            throw ScimException.NoTarget($"'{name}' matched no value, and the filter does not describe one to create.");
        }

        var element = new JsonObject();
        foreach (var (key, term) in terms)
        {
            element[attribute.FindSubAttribute(key)!.Name] = term.DeepClone();
        }

        if (!attribute.MultiValued)
        {
            ScimJson.Set(container, attribute.Name, element);
            return element;
        }

        if (ScimJson.Get(container, attribute.Name) is not JsonArray array)
        {
            array = [];
            ScimJson.Set(container, attribute.Name, array);
        }

        array.Add(element);
        return element;
    }
}
