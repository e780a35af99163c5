using Identity.Scim.Errors;
using Identity.Scim.Paths;
using Identity.Scim.Schemas;

namespace Identity.Scim.Filters;

/// <summary>
/// Refuses filters and sortBy on attributes that are returned "never" (password): a server that
/// evaluates <c>password sw "S"</c> hands the value back one character at a time, so such a query
/// is invalidFilter (RFC 7644 §3.4.2.2 leaves which attributes are filterable to the server).
/// </summary>
public static class NeverReturnedAttributeGuard
{
    /// <summary>Throws invalidFilter when any path of <paramref name="filter"/> names a never-returned attribute.</summary>
    public static void ThrowIfReferenced(FilterNode filter, ResourceSchema schema)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(schema);
        switch (filter)
        {
            case AndFilter and:
                ThrowIfReferenced(and.Left, schema);
                ThrowIfReferenced(and.Right, schema);
                break;
            case OrFilter or:
                ThrowIfReferenced(or.Left, schema);
                ThrowIfReferenced(or.Right, schema);
                break;
            case NotFilter not:
                ThrowIfReferenced(not.Inner, schema);
                break;
            case ValuePathFilter valuePath:
                ThrowIfNeverReturned(valuePath.Path, schema, "filter");
                break;
            case PresentFilter present:
                ThrowIfNeverReturned(present.Path, schema, "filter");
                break;
            case ComparisonFilter comparison:
                ThrowIfNeverReturned(comparison.Path, schema, "filter");
                break;
        }
    }

    /// <summary>Throws invalidFilter when <paramref name="path"/> (a filter's or sortBy's) names a never-returned attribute.</summary>
    public static void ThrowIfNeverReturned(AttributePath path, ResourceSchema schema, string where)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.Resolve(path) is { } resolved
            && (resolved.Attribute.Returned == ScimReturned.Never || resolved.SubAttribute?.Returned == ScimReturned.Never))
        {
            throw ScimException.InvalidFilter($"The {where} may not use '{resolved.Attribute.Name}': it is never returned, so it cannot be filtered or sorted on.");
        }
    }
}
