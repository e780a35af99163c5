using System.Text.Json.Nodes;
using Identity.Scim.Schemas;
using Identity.ScimEdge.Callers;
using Identity.ScimEdge.Requests;
using Identity.ScimEdge.Responses;
using Identity.ScimEdge.Settings;
using Microsoft.Extensions.Options;

namespace Identity.ScimEdge.Endpoints.Bulk;

/// <summary>POST /Bulk (RFC 7644 §3.7), with maxOperations and maxPayloadSize enforced as advertised.</summary>
internal static class BulkEndpoint
{
    public static void Map(RouteGroupBuilder scim) => scim.MapPost("/Bulk", RunAsync);

    private static async Task<IResult> RunAsync(HttpContext http, ScimRequestContextFactory contexts, BulkProcessor bulk, IOptions<ScimOptions> options)
    {
        var body = await ScimBodyReader.ReadObjectAsync(http.Request, options.Value.MaxBulkBytes, http.RequestAborted);
        var (operations, failOnErrors) = BulkRequestParser.Parse(body, options.Value.MaxBulkOperations);
        var request = await contexts.CreateAsync(http);
        var results = await bulk.RunAsync(request, operations, failOnErrors, http.RequestAborted);
        return new ScimJsonResult(new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemaUris.BulkResponse),
            ["Operations"] = results,
        });
    }
}
