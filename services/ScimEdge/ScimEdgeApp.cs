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
        app.MapIdentityProbes();
        app.MapScimRoutes();
        return app;
    }
}
