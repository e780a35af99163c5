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
            new ScimJsonResult(SchemaRegistry.Default.RenderSchemas(ScimBaseUrl.Of(http.Request, options.Value.PublicBaseUrl))));
        scim.MapGet("/Schemas/{id}", (string id, HttpContext http, IOptions<ScimOptions> options) =>
            new ScimJsonResult(SchemaRegistry.Default.RenderSchema(id, ScimBaseUrl.Of(http.Request, options.Value.PublicBaseUrl))));
        scim.MapGet("/ResourceTypes", (HttpContext http, IOptions<ScimOptions> options) =>
            new ScimJsonResult(SchemaRegistry.Default.RenderResourceTypes(ScimBaseUrl.Of(http.Request, options.Value.PublicBaseUrl))));
        scim.MapGet("/ResourceTypes/{name}", (string name, HttpContext http, IOptions<ScimOptions> options) =>
            new ScimJsonResult(SchemaRegistry.Default.RenderResourceType(name, ScimBaseUrl.Of(http.Request, options.Value.PublicBaseUrl))));
    }
}
