using Identity.GroupRole.Grpc;
using Identity.ServiceDefaults.Hosting;
using Identity.ServiceDefaults.Options;

namespace Identity.GroupRole;

/// <summary>Builds the GroupRole service; Program.cs, the DevHost and tests all start it this way.</summary>
public static class GroupRoleApp
{
    public const string ServiceName = "grouprole";

    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddIdentityDefaults(ServiceName, ServiceProtocol.Grpc);
        builder.AddGroupRole();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapIdentityProbes();
        app.MapGrpcService<GroupRoleGrpcService>();
        return app;
    }
}
