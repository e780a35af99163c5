using Identity.ServiceDefaults.Discovery;
using Identity.ServiceDefaults.Discovery.Static;
using Identity.ServiceDefaults.GrpcClients;
using Identity.ServiceDefaults.Health;
using Identity.ServiceDefaults.Logging;
using Identity.ServiceDefaults.Options;
using Identity.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.ServiceDefaults.Hosting;

/// <summary>What every Identity service shares: listeners, logs, telemetry, health, gRPC, discovery.</summary>
public static class IdentityDefaults
{
    /// <summary>
    /// Registers listeners (<c>Endpoints__Main</c>, <c>Endpoints__Management</c>), JSON logs,
    /// OpenTelemetry, health checks, gRPC with reflection and health, and static discovery.
    /// </summary>
    public static WebApplicationBuilder AddIdentityDefaults(this WebApplicationBuilder builder, string serviceName, ServiceProtocol protocol)
    {
        var endpoints = new ServiceEndpoints { ServiceName = serviceName };
        builder.Services.AddSingleton(endpoints);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddValidatedOptions<EndpointsOptions>(EndpointsOptions.SectionName);
        builder.Services.AddValidatedOptions<GrpcClientOptions>(GrpcClientOptions.SectionName);
        builder.Services.AddValidatedOptions<DiscoveryOptions>(DiscoveryOptions.SectionName);

        // Read when Kestrel starts, so settings added after this call (tests, the DevHost) still count.
        builder.WebHost.ConfigureKestrel((context, kestrel) => KestrelEndpoints.Configure(
            kestrel,
            context.Configuration.GetSection(EndpointsOptions.SectionName).Get<EndpointsOptions>() ?? new EndpointsOptions(),
            protocol,
            endpoints));
        // Kestrel listens where Endpoints says; ASPNETCORE_URLS must not add a second set.
        builder.WebHost.UseSetting("urls", string.Empty);
        builder.WebHost.UseSetting("preventHostingStartup", "true");

        LoggingSetup.Configure(builder);
        TelemetrySetup.Configure(builder, serviceName);

        builder.Services.AddHealthChecks().AddCheck<LivenessCheck>("self", tags: [HealthTags.Live]);
        builder.Services.AddGrpc(o =>
        {
            o.EnableDetailedErrors = false;
            o.MaxReceiveMessageSize = 16 * 1024 * 1024;
        });
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddGrpcReflection();
        builder.Services.AddStaticDiscovery();
        return builder;
    }

    /// <summary>
    /// Maps <c>/health/live</c> and <c>/health/ready</c> on the management port, and the
    /// standard <c>grpc.health.v1.Health</c> and reflection services on the main port.
    /// </summary>
    public static WebApplication MapIdentityProbes(this WebApplication app)
    {
        HealthEndpoints.Map(app);
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }
}
