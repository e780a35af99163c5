using Identity.ScimEdge.Auth;
using Identity.ScimEdge.Endpoints.Bulk;
using Identity.ScimEdge.Endpoints.Discovery;
using Identity.ScimEdge.Endpoints.Groups;
using Identity.ScimEdge.Endpoints.Search;
using Identity.ScimEdge.Endpoints.Users;
using Identity.ScimEdge.Errors;
using Identity.ScimEdge.Protection;

namespace Identity.ScimEdge.Routing;

internal static class ScimRoutes
{
    /// <summary>The SCIM API under /scim/v2 and, for IdPs that want the tenant in the URL, /tenants/{tenantId}/scim/v2.</summary>
    public static WebApplication MapScimRoutes(this WebApplication app)
    {
        MapScimApi(app.MapGroup("/scim/v2"));
        MapScimApi(app.MapGroup("/tenants/{tenantId}/scim/v2"));
        return app;
    }

    private static void MapScimApi(RouteGroupBuilder scim)
    {
        // Errors first, so a failure inside authentication still answers the SCIM envelope.
        scim.AddEndpointFilter<ScimExceptionFilter>();
        scim.AddEndpointFilter<ScimAuthFilter>();
        scim.AddEndpointFilter<ExpensiveRequestFilter>();
        scim.WithTags("SCIM");
        scim.WithMetadata(new TimeoutBody(ScimTimeoutBody.WriteAsync));
        SchemaEndpoints.Map(scim);
        UserEndpoints.Map(scim);
        GroupEndpoints.Map(scim);
        SearchEndpoint.Map(scim);
        BulkEndpoint.Map(scim);
        scim.Map("/{**rest}", (string? rest, HttpContext http) =>
            {
                var allowed = AllowedMethods.For(http).At(http.Request.Path);
                if (allowed.Count == 0)
                {
                    return new ScimErrorResult(StatusCodes.Status404NotFound, null, $"There is no SCIM endpoint at '/{rest}'.");
                }
                // RFC 9110 §15.5.6: a 405 lists the methods the resource does support.
                http.Response.Headers.Allow = string.Join(", ", allowed);
                return new ScimErrorResult(StatusCodes.Status405MethodNotAllowed, null,
                    $"'/{rest}' does not support {http.Request.Method}; it accepts {string.Join(", ", allowed)}.");
            })
            .ExcludeFromDescription();
    }
}
