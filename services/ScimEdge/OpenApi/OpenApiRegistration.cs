namespace Identity.ScimEdge.OpenApi;

/// <summary>The edge's OpenAPI document at /openapi/v1.json, generated from the mapped SCIM and admin routes.</summary>
internal static class OpenApiRegistration
{
    public const string DocumentPattern = "/openapi/{documentName}.json";

    public static IServiceCollection AddEdgeOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer<SecuritySchemeTransformer>());

    /// <summary>The document is public: it describes the surface, while every described route checks its own credential.</summary>
    public static WebApplication MapEdgeOpenApi(this WebApplication app)
    {
        app.MapOpenApi(DocumentPattern);
        return app;
    }
}
