using System.Text.Json.Nodes;
using Identity.Scim.Errors;
using Identity.Scim.Projection;
using Identity.Scim.Schemas;
using Identity.ScimEdge.Errors;
using Identity.ScimEdge.Rendering;
using Identity.ScimEdge.Requests;

namespace Identity.ScimEdge.Responses;

/// <summary>A ListResponse (RFC 7644 §3.4.2): totalResults, itemsPerPage and startIndex exactly as answered.</summary>
internal sealed class ScimListResult(IReadOnlyList<JsonObject> resources, int totalResults, ListQuery query, ResourceSchema? schema) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        JsonNode[] projected;
        try
        {
            projected = resources
                .Select(r => (JsonNode)(schema is null ? r : AttributeProjector.Project(r, schema, query.Attributes, query.ExcludedAttributes)))
                .ToArray();
        }
        catch (ScimException ex)
        {
            // A bad attributes list is found only here, after the endpoint filters: answer it as SCIM, not as a 500.
            return new ScimErrorResult(ex).ExecuteAsync(httpContext);
        }
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemaUris.ListResponse),
            ["totalResults"] = totalResults,
            ["itemsPerPage"] = projected.Length,
            ["startIndex"] = query.StartIndex,
            ["Resources"] = new JsonArray(projected),
        };
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        return httpContext.Response.WriteScimJsonAsync(body);
    }
}
