using Identity.Revocation.Grpc;
using Identity.Revocation.Reconciliation;
using Identity.ServiceDefaults.Hosting;
using Identity.ServiceDefaults.Options;

namespace Identity.Revocation;

/// <summary>Builds the Revocation service; Program.cs, the DevHost and tests all start it this way.</summary>
public static class RevocationApp
{
    public const string ServiceName = "revocation";

    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddIdentityDefaults(ServiceName, ServiceProtocol.Grpc);
        builder.AddRevocation();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapIdentityProbes();
        app.MapGrpcService<RevocationGrpcService>();
        app.MapReconciler();
        return app;
    }
}
