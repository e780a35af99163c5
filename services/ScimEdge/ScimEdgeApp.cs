using Identity.ScimEdge.Admin;
using Identity.ScimEdge.OpenApi;
using Identity.ScimEdge.Protection;
using Identity.ScimEdge.ProvisioningLog;
using Identity.ScimEdge.Routing;
using Identity.ServiceDefaults.Hosting;
using Identity.ServiceDefaults.Options;

namespace Identity.ScimEdge;

/// <summary>Builds the SCIM edge; Program.cs, the DevHost and tests all start it this way.</summary>
public static class ScimEdgeApp
{
    public const string ServiceName = "scim-edge";

    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddIdentityDefaults(ServiceName, ServiceProtocol.Http);
        builder.AddScimEdge();
        configure?.Invoke(builder);

        var app = builder.Build();
        // Outermost, so the provisioning log sees the final status, a timeout's 503 included.
        app.UseMiddleware<ProvisioningLogMiddleware>();
        app.UseEdgeProtection();
        app.MapIdentityProbes();
        app.MapScimRoutes();
        app.MapAdminApi();
        app.MapEdgeOpenApi();
        return app;
    }
}
