namespace Identity.ScimEdge.Protection;

/// <summary>
/// Which SCIM requests count against a tenant's share of concurrent expensive work: those whose cost
/// grows with the tenant or the body rather than with one resource. Lists and searches (filter,
/// sortBy and paging scan the tenant), Bulk (up to its operation limit), and a PATCH of a group
/// whose body is large (a big membership change). Single-resource reads and writes stay cheap.
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
            return path.EndsWith("/Users", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/Groups", StringComparison.OrdinalIgnoreCase);
        }
        // A chunked body has no length up front: treat it as large, the cautious side.
        return HttpMethods.IsPatch(request.Method) && path.Contains("/Groups/", StringComparison.OrdinalIgnoreCase)
            && (request.ContentLength is null or > LargeGroupPatchBytes);
    }
}
