using System.Text.Json.Nodes;
using Identity.Scim.Errors;
using Identity.Scim.Filters;
using Identity.Scim.Paths;
using Identity.Scim.Resources;
using Identity.Scim.Schemas;

namespace Identity.Directory.Users;

/// <summary>
/// The value a user sorts by (RFC 7644 §3.4.2.3): strings compare case-insensitively unless
/// caseExact, multi-valued attributes use their primary (else first) value, and users without
/// a value sort last in either order.
/// </summary>
public sealed record SortKey(string? Text, decimal? Number)
{
    public bool IsNull => Text is null && Number is null;

    public static Func<JsonObject, SortKey> Extractor(AttributePath path)
    {
        var resolved = SchemaRegistry.Default.Users.Resolve(path);
        var attribute = resolved?.Attribute;
        var target = resolved?.Target;
        var sub = path.SubAttribute;
        if (resolved is { SubAttribute: null, Attribute: { Type: ScimAttributeType.Complex, MultiValued: true } multi } && multi.FindSubAttribute("value") is { } value)
        {
            sub = value.Name;
            target = value;
        }
        var name = attribute?.Name ?? path.Name;
        var extension = resolved?.ExtensionUri ?? (resolved is null ? path.SchemaUri : null);
        return resource =>
        {
            var container = extension is null ? resource : ScimJson.Get(resource, extension) as JsonObject;
            var node = container is null ? null : ScimJson.Get(container, name);
            if (node is JsonArray array)
            {
                node = array.OfType<JsonObject>().FirstOrDefault(e => UserResource.ReadBoolean(ScimJson.Get(e, "primary")) == true)
                    ?? array.FirstOrDefault();
            }
            if (sub is not null)
            {
                node = node is JsonObject obj ? ScimJson.Get(obj, sub) : null;
            }
            return Of(node, target);
        };
    }

    private static SortKey Of(JsonNode? node, ScimAttribute? attribute)
    {
        if (node is not JsonValue scalar)
        {
            return new SortKey(null, null);
        }
        if (scalar.TryGetValue<decimal>(out var number))
        {
            return new SortKey(null, number);
        }
        var text = ScimJson.AsString(scalar) ?? scalar.ToJsonString();
        if (attribute?.Type == ScimAttributeType.DateTime && ScimTime.TryNormalize(text, out var time))
        {
            return new SortKey(time, null);
        }
        return new SortKey(attribute?.CaseExact == true ? text : text.ToUpperInvariant(), null);
    }

    /// <summary>Orders non-null keys; nulls are placed by the caller.</summary>
    public int CompareTo(SortKey other) =>
        Number is { } a && other.Number is { } b ? a.CompareTo(b) : string.CompareOrdinal(Text ?? "", other.Text ?? "");

    /// <summary>Parses a sortBy attribute path with the SCIM core's parser.</summary>
    public static AttributePath ParsePath(string sortBy)
    {
        AttributePath path;
        try
        {
            path = ScimFilter.Parse(sortBy + " pr") is PresentFilter present
                ? present.Path
                : throw new DirectoryException(DirectoryFailure.InvalidValue, $"sort_by '{sortBy}' is not an attribute path.");
        }
        catch (ScimException ex)
        {
            // A malformed or oversized sort_by is the caller's error, not ours (it surfaced as INTERNAL).
            throw new DirectoryException(DirectoryFailure.InvalidValue, $"sort_by is not an attribute path: {ex.Detail}");
        }
        try
        {
            // Sorting on password orders users by it, which reads it back as surely as a filter.
            NeverReturnedAttributeGuard.ThrowIfNeverReturned(path, SchemaRegistry.Default.Users, "sort_by");
        }
        catch (ScimException ex)
        {
            throw new DirectoryException(DirectoryFailure.InvalidFilter, ex.Detail);
        }
        return path;
    }
}
