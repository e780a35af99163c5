using System.Text.Json.Nodes;
using Identity.Scim.Schemas;
using Identity.ScimEdge.Callers;
using Identity.ScimEdge.Errors;
using Identity.ScimEdge.Protection;
using Identity.ScimEdge.Requests;
using Identity.ScimEdge.Responses;
using Identity.ScimEdge.Settings;
using Microsoft.Extensions.Options;

namespace Identity.ScimEdge.Endpoints.Bulk;

/// <summary>POST /Bulk (RFC 7644 §3.7), with maxOperations and maxPayloadSize enforced as advertised.</summary>
internal static class BulkEndpoint
{
    public static void Map(RouteGroupBuilder scim) => scim.MapPost("/Bulk", RunAsync);

    private static async Task<IResult> RunAsync(
        HttpContext http, ScimRequestContextFactory contexts, BulkProcessor bulk, TenantRateLimiter rateLimiter, IOptions<ScimOptions> options)
    {
        var body = await ScimBodyReader.ReadObjectAsync(http.Request, options.Value.MaxBulkBytes, http.RequestAborted);
        var (operations, failOnErrors) = BulkRequestParser.Parse(body, options.Value.MaxBulkOperations);
        var request = await contexts.CreateAsync(http);
        // Each operation is a request's worth of work; the authentication filter already took one permit.
        if (operations.Count > 1 && !rateLimiter.TryAcquire(request.TenantId, operations.Count - 1, out var retryAfter))
        {
            return new ScimErrorResult(StatusCodes.Status429TooManyRequests, null,
                $"This tenant's request rate does not cover {operations.Count} bulk operations now; retry after the Retry-After delay.", retryAfter);
        }
        var results = await bulk.RunAsync(request, operations, failOnErrors, http.RequestAborted);
        return new ScimJsonResult(new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemaUris.BulkResponse),
            ["Operations"] = results,
        });
    }
}
