using Identity.ScimEdge.Protection;

namespace Identity.ScimEdge.Admin;

/// <summary>The admin API under /admin on the edge's main port, for operators and provisioning tooling, never for IdPs.</summary>
internal static class AdminRoutes
{
    public static WebApplication MapAdminApi(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<AdminCredential>().IsEnabled)
        {
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminRoutes).FullName!).AdminApiDisabled();
        }
        // Mapped even when disabled, so the OpenAPI document is the same everywhere; the key filter answers 404.
        var admin = app.MapGroup("/admin").WithTags("Admin");
        // Errors first, so a failure anywhere still answers the admin error body.
        admin.AddEndpointFilter<AdminExceptionFilter>();
        admin.AddEndpointFilter<AdminKeyFilter>();
        admin.WithMetadata(new TimeoutBody(AdminTimeoutBody.WriteAsync));
        TenantAdminEndpoints.Map(admin);
        TokenAdminEndpoints.Map(admin);
        RoleAdminEndpoints.Map(admin);
        LogAdminEndpoints.Map(admin);
        admin.Map("/{**rest}", (string rest) => AdminError.NotFound($"There is no admin endpoint at '/admin/{rest}'."))
            .ExcludeFromDescription();
        return app;
    }
}
