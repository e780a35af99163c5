using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Identity.ScimEdge.OpenApi;

/// <summary>
/// Our handlers read credentials in endpoint filters, which the document generator cannot see,
/// so this declares them: a tenant's SCIM bearer token for /scim/v2, the admin key for /admin.
/// </summary>
internal sealed class SecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    private const string ScimBearer = "scimBearer";
    private const string AdminBearer = "adminBearer";
    private const string AdminHeader = "adminKeyHeader";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Identity SCIM edge",
            Version = document.Info?.Version ?? "v1",
            Description = "SCIM 2.0 (RFC 7643/7644) for identity providers under /scim/v2, and the operator admin API under /admin.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ScimBearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A tenant's SCIM token, issued through POST /admin/tenants/{tenantId}/tokens.",
        };
        document.Components.SecuritySchemes[AdminBearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The admin key (Admin__ApiKey).",
        };
        document.Components.SecuritySchemes[AdminHeader] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Admin-Key",
            Description = "The admin key (Admin__ApiKey), as a header instead of a bearer token.",
        };
        foreach (var (path, item) in document.Paths)
        {
            string[] schemes = path.StartsWith("/admin", StringComparison.Ordinal) ? [AdminBearer, AdminHeader]
                : path.Contains("/scim/v2", StringComparison.Ordinal) ? [ScimBearer]
                : [];
            foreach (var operation in item.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                // Alternatives: any one requirement in the list satisfies the operation.
                operation.Security = [.. schemes.Select(scheme => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, document)] = [] })];
            }
        }
        return Task.CompletedTask;
    }
}
