using Identity.Directory.Grpc;
using Identity.ServiceDefaults.Hosting;
using Identity.ServiceDefaults.Options;

namespace Identity.Directory;

/// <summary>Builds the Directory service; Program.cs, the DevHost and tests all start it this way.</summary>
public static class DirectoryApp
{
    public const string ServiceName = "directory";

    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddIdentityDefaults(ServiceName, ServiceProtocol.Grpc);
        builder.AddDirectory();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapIdentityProbes();
        app.MapGrpcService<DirectoryGrpcService>();
        return app;
    }
}
