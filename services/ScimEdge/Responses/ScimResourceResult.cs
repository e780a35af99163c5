using System.Text.Json.Nodes;
using Identity.Scim.Errors;
using Identity.Scim.Projection;
using Identity.Scim.Schemas;
using Identity.ScimEdge.Errors;
using Identity.ScimEdge.Rendering;
using Identity.ScimEdge.Versioning;

namespace Identity.ScimEdge.Responses;

/// <summary>A single resource: projected by attributes/excludedAttributes, with ETag and, for 201, Location.</summary>
internal sealed class ScimResourceResult(ScimOutcome outcome, ResourceSchema schema, string? attributes, string? excludedAttributes) : IResult
{
    public static ScimResourceResult From(ScimOutcome outcome, ResourceSchema schema, IQueryCollection query) =>
        new(outcome, schema, Query(query, "attributes"), Query(query, "excludedAttributes"));

    public Task ExecuteAsync(HttpContext httpContext)
    {
        JsonObject? projected = null;
        try
        {
            projected = outcome.Resource is null ? null : AttributeProjector.ProjectForResponse(outcome.Resource, schema, attributes, excludedAttributes);
        }
        catch (ScimException ex)
        {
            // A bad attributes list is found only here, after the endpoint filters: answer it as SCIM, not as a 500.
            return new ScimErrorResult(ex).ExecuteAsync(httpContext);
        }
        var response = httpContext.Response;
        response.StatusCode = outcome.Status;
        if (outcome.Version > 0)
        {
            response.Headers.ETag = ETags.Format(outcome.Version);
        }
        if (outcome.Status == StatusCodes.Status201Created && outcome.Location is not null)
        {
            response.Headers.Location = outcome.Location;
        }
        return projected is null ? Task.CompletedTask : response.WriteScimJsonAsync(projected);
    }

    internal static string? Query(IQueryCollection query, string name)
    {
        foreach (var (key, value) in query)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(value))
            {
                return value.ToString();
            }
        }
        return null;
    }
}
