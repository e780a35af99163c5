using Identity.Scim.Errors;
using Identity.Scim.Filters;

namespace Identity.ScimEdge.Protection;

/// <summary>
/// Which SCIM requests count against a tenant's share of concurrent expensive work: those whose cost
/// grows with the tenant or the body rather than with one resource. Lists and searches (filter,
/// sortBy and paging scan the tenant), Bulk (up to its operation limit), and a PATCH of a group
/// whose body is large (a big membership change). Single-resource reads and writes stay cheap, and
/// so does the lookup an IdP sends before almost every write (<c>userName eq "…"</c>, externalId,
/// id, an email value): one indexed key, answered without a scan, so capping it would throttle
/// ordinary provisioning rather than protect anyone.
/// </summary>
public static class ExpensiveRequests
{
    /// <summary>A group PATCH above this many bytes counts as a big membership change.</summary>
    public const long LargeGroupPatchBytes = 64 * 1024;

    public static bool IsExpensive(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        if (HttpMethods.IsPost(request.Method))
        {
            return path.EndsWith("/.search", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/Bulk", StringComparison.OrdinalIgnoreCase);
        }
        if (HttpMethods.IsGet(request.Method))
        {
            return (path.EndsWith("/Users", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/Groups", StringComparison.OrdinalIgnoreCase))
                && !IsKeyLookup(request.Query["filter"].ToString(), request.Query.ContainsKey("sortBy"));
        }
        // A chunked body has no length up front: treat it as large, the cautious side.
        return HttpMethods.IsPatch(request.Method) && path.Contains("/Groups/", StringComparison.OrdinalIgnoreCase)
            && (request.ContentLength is null or > LargeGroupPatchBytes);
    }

    private static readonly HashSet<string> LookupKeys = new(StringComparer.OrdinalIgnoreCase) { "userName", "externalId", "id", "displayName", "emails.value" };

    // A malformed filter is not a lookup: it stays in the expensive class and its handler answers 400.
    internal static bool IsKeyLookup(string filter, bool sorted)
    {
        if (sorted || filter.Length == 0 || filter.Length > 1024)
        {
            return false;
        }
        try
        {
            return ScimFilter.Parse(filter) switch
            {
                ComparisonFilter { Operator: ComparisonOperator.Eq } c => LookupKeys.Contains(c.Path.LocalName),
                ValuePathFilter { Path.Name: var name, Filter: ComparisonFilter { Operator: ComparisonOperator.Eq } inner }
                    => name.Equals("emails", StringComparison.OrdinalIgnoreCase) && inner.Path.LocalName.Equals("value", StringComparison.OrdinalIgnoreCase),
                _ => false,
            };
        }
        catch (ScimException)
        {
            return false;
        }
    }
}
