using System.Text.Json.Nodes;
using Identity.Scim.Errors;
using Identity.Scim.Resources;
using Identity.Scim.Schemas;

namespace Identity.ScimEdge.Requests;

/// <summary>POST .search bodies (RFC 7644 §3.4.3).</summary>
internal static class SearchRequests
{
    public static ListQuery Parse(JsonObject body)
    {
        var schemas = ScimJson.SchemaUris(body);
        if (schemas.Count > 0 && !schemas.Contains(ScimSchemaUris.SearchRequest, StringComparer.OrdinalIgnoreCase))
        {
            throw ScimException.InvalidSyntax($"A search request lists the schema {ScimSchemaUris.SearchRequest}.");
        }
        return ListQuery.FromSearchRequest(body);
    }
}
