using Identity.Scim.Errors;
using Identity.Scim.Schemas;
using Identity.ScimEdge.Callers;
using Identity.ScimEdge.Responses;
using Identity.ScimEdge.Settings;
using Microsoft.Extensions.Options;

namespace Identity.ScimEdge.Endpoints.Discovery;

/// <summary>/Schemas and /ResourceTypes (RFC 7644 §4), rendered from the one schema registry.</summary>
internal static class SchemaEndpoints
{
    public static void Map(RouteGroupBuilder scim)
    {
        scim.MapGet("/ServiceProviderConfig", (HttpContext http, IOptions<ScimOptions> options) =>
            new ScimJsonResult(ServiceProviderConfigEndpoint.Build(ScimBaseUrl.Of(http.Request, options.Value.PublicBaseUrl), options.Value)));
        scim.MapGet("/Schemas", (HttpContext http, IOptions<ScimOptions> options) =>
        {
            RefuseFilter(http.Request);
            return new ScimJsonResult(SchemaRegistry.Default.RenderSchemas(ScimBaseUrl.Of(http.Request, options.Value.PublicBaseUrl)));
        });
        scim.MapGet("/Schemas/{id}", (string id, HttpContext http, IOptions<ScimOptions> options) =>
            new ScimJsonResult(SchemaRegistry.Default.RenderSchema(id, ScimBaseUrl.Of(http.Request, options.Value.PublicBaseUrl))));
        scim.MapGet("/ResourceTypes", (HttpContext http, IOptions<ScimOptions> options) =>
        {
            RefuseFilter(http.Request);
            return new ScimJsonResult(SchemaRegistry.Default.RenderResourceTypes(ScimBaseUrl.Of(http.Request, options.Value.PublicBaseUrl)));
        });
        scim.MapGet("/ResourceTypes/{name}", (string name, HttpContext http, IOptions<ScimOptions> options) =>
            new ScimJsonResult(SchemaRegistry.Default.RenderResourceType(name, ScimBaseUrl.Of(http.Request, options.Value.PublicBaseUrl))));
    }

    // RFC 7644 §4: "If a "filter" is provided, the service provider SHOULD respond with HTTP status code 403 (Forbidden)".
    private static void RefuseFilter(HttpRequest request)
    {
        if (request.Query.Keys.Any(key => key.Equals("filter", StringComparison.OrdinalIgnoreCase)))
        {
            throw new ScimException(StatusCodes.Status403Forbidden, null,
                $"{request.Path.Value?.Split('/')[^1]} cannot be filtered (RFC 7644 §4); ask without 'filter'.");
        }
    }
}
