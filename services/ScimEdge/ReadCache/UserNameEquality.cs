using Identity.Scim.Errors;
using Identity.Scim.Filters;
using Identity.Scim.Schemas;
using Identity.ScimEdge.Requests;

namespace Identity.ScimEdge.ReadCache;

/// <summary>Recognises the list request an IdP sends before a create: <c>filter=userName eq "…"</c>, first page, no sort.</summary>
internal static class UserNameEquality
{
    public static bool TryMatch(ListQuery query, out string userName)
    {
        userName = "";
        if (query.Filter is null || query.SortBy is not null || query.StartIndex != 1 || query.Count < 1)
        {
            return false;
        }
        FilterNode filter;
        try
        {
            filter = ScimFilter.Parse(query.Filter);
        }
        catch (ScimException)
        {
            // Directory answers bad filters with the detail an administrator needs.
            return false;
        }
        if (filter is ComparisonFilter { Operator: ComparisonOperator.Eq, Value: { Kind: FilterValueKind.String, Text: { } text }, Path: var path }
            && path.SubAttribute is null
            && path.Name.Equals("userName", StringComparison.OrdinalIgnoreCase)
            && (path.SchemaUri is null || path.SchemaUri.Equals(ScimSchemaUris.User, StringComparison.OrdinalIgnoreCase)))
        {
            userName = text;
            return true;
        }
        return false;
    }
}
