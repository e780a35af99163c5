using System.Text.Json.Nodes;
using Identity.Scim.Schemas;

namespace Identity.Scim.Projection;

/// <summary>Decides, attribute by attribute, what a projection keeps.</summary>
internal sealed record ProjectionRules(AttributeSelection? Included, AttributeSelection Excluded)
{
    public JsonNode? Project(ScimAttribute? attribute, string key, JsonNode? value)
    {
        if (attribute is null)
        {
            // Attributes outside the schema are treated as returned "default".
            return Included is null
                ? Excluded.IncludesUnknown(key) ? null : value?.DeepClone()
                : Included.IncludesUnknown(key) ? value?.DeepClone() : null;
        }

        switch (attribute.Returned)
        {
            case ScimReturned.Never:
                return null;
            case ScimReturned.Always:
                return value?.DeepClone();
        }

        if (Included is not null)
        {
            if (Included.IncludesWhole(attribute))
            {
                return FilterSubAttributes(attribute, value, keep: _ => true);
            }

            var subs = Included.SubAttributes(attribute);
            return subs is null
                ? null
                : FilterSubAttributes(attribute, value, sub => sub.Returned == ScimReturned.Always || subs.Contains(sub));
        }

        if (attribute.Returned == ScimReturned.Request || Excluded.IncludesWhole(attribute))
        {
            return null;
        }

        var excludedSubs = Excluded.SubAttributes(attribute);
        return FilterSubAttributes(
            attribute,
            value,
            sub => sub.Returned == ScimReturned.Always
                || (sub.Returned != ScimReturned.Request && excludedSubs?.Contains(sub) != true));
    }

    /// <summary>Everything but never-returned values: for a whole extension asked for by URN.</summary>
    public static JsonNode? Default(ScimAttribute? attribute, JsonNode? value) =>
        attribute?.Returned == ScimReturned.Never ? null : FilterSubAttributes(attribute, value, _ => true);

    /// <summary>Whether <see cref="Project"/> without attributes or excludedAttributes keeps <paramref name="value"/> as it is.</summary>
    public static bool DefaultKeepsWhole(ScimAttribute? attribute, JsonNode value)
    {
        if (attribute is null || attribute.Returned == ScimReturned.Always)
        {
            return true;
        }
        if (attribute.Returned is ScimReturned.Never or ScimReturned.Request)
        {
            return false;
        }
        if (attribute.SubAttributes.Count == 0)
        {
            return true;
        }
        return value switch
        {
            JsonArray array => array.All(item => item is not JsonObject element || KeepsEverySubAttribute(attribute, element)),
            // An object left empty is dropped, so an empty one is not kept as it is.
            JsonObject element => element.Count > 0 && KeepsEverySubAttribute(attribute, element),
            _ => true,
        };
    }

    private static bool KeepsEverySubAttribute(ScimAttribute attribute, JsonObject element) =>
        element.All(member => attribute.FindSubAttribute(member.Key)?.Returned is not (ScimReturned.Never or ScimReturned.Request));

    private static JsonNode? FilterSubAttributes(ScimAttribute? attribute, JsonNode? value, Func<ScimAttribute, bool> keep)
    {
        if (attribute is null || attribute.SubAttributes.Count == 0)
        {
            return value?.DeepClone();
        }

        return value switch
        {
            JsonArray array => new JsonArray(array.Select(item => item is JsonObject element ? Filter(attribute, element, keep) : item?.DeepClone()).ToArray()),
            JsonObject obj => Filter(attribute, obj, keep) is { Count: > 0 } kept ? kept : null,
            _ => value?.DeepClone(),
        };
    }

    private static JsonObject Filter(ScimAttribute attribute, JsonObject element, Func<ScimAttribute, bool> keep)
    {
        var result = new JsonObject();
        foreach (var (key, value) in element)
        {
            var sub = attribute.FindSubAttribute(key);
            if (sub is null || (sub.Returned != ScimReturned.Never && keep(sub)))
            {
                result[key] = value?.DeepClone();
            }
        }

        return result;
    }
}
