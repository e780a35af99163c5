using Identity.Scim.Filters;
using Identity.Scim.Paths;
using Identity.Scim.Schemas;

namespace Identity.ScimEdge.Requests;

/// <summary>
/// The edge's refusal of a list query that filters or sorts on a never-returned attribute
/// (password), before the read cache or any RPC: 400 invalidFilter. Directory refuses the same
/// query again for callers that reach it over gRPC directly.
/// </summary>
internal static class NeverReturnedQueries
{
    public static void ThrowIfUsed(ListQuery query, ResourceSchema schema)
    {
        if (query.Filter is not null)
        {
            NeverReturnedAttributeGuard.ThrowIfReferenced(ScimFilter.Parse(query.Filter), schema);
        }
        if (query.SortBy is not null)
        {
            NeverReturnedAttributeGuard.ThrowIfNeverReturned(AttributePath.Parse(query.SortBy, "sortBy"), schema, "sortBy");
        }
    }
}
