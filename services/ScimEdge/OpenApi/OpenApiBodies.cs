using Microsoft.OpenApi;

namespace Identity.ScimEdge.OpenApi;

/// <summary>
/// Documents a JSON request body that the handler reads itself. <c>Accepts&lt;T&gt;</c> would also
/// add content-type matching to routing, sending a bodiless POST past the endpoint to the 404
/// catch-all; this touches the document only.
/// </summary>
internal static class OpenApiBodies
{
    public static RouteHandlerBuilder DocumentsJsonBody<T>(this RouteHandlerBuilder endpoint, bool required = true) =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = required,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });
}
