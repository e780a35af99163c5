using Grpc.Health.V1;
using Identity.ServiceDefaults.Discovery.Consul;
using Identity.ServiceDefaults.GrpcClients;
using Identity.ServiceDefaults.Hosting;
using Identity.ServiceDefaults.Options;
using Identity.TestKit;
using Identity.TestKit.Consul;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Identity.ServiceDefaults.Tests.Discovery.Consul;

/// <summary>Real services built with the Identity defaults that register with a fake Consul, and a client resolving them.</summary>
internal static class ConsulTestServices
{
    public const string Token = "acl-secret-token";
    public const string InstanceHeader = "x-instance";

    public static Dictionary<string, string?> ConsulSettings(FakeConsulServer consul, string? provider = "Consul") => new()
    {
        ["Discovery:Provider"] = provider,
        ["Consul:Address"] = consul.Address.ToString(),
        ["Consul:AclToken"] = Token,
        ["Consul:ServiceAddress"] = "127.0.0.1",
        ["Consul:WatchWait"] = "00:00:05",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>A gRPC service (grpc.health.v1 only) that stamps every response with its instance name.</summary>
    public static WebApplication Build(FakeConsulServer consul, string serviceName, string instance, Action<Dictionary<string, string?>>? tweak = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddIdentityDefaults(serviceName, ServiceProtocol.Grpc);
        var settings = ConsulSettings(consul);
        tweak?.Invoke(settings);
        builder.Configuration.AddInMemoryCollection(settings);
        var app = builder.Build();
        app.Use((context, next) =>
        {
            context.Response.Headers[InstanceHeader] = instance;
            return next(context);
        });
        app.MapIdentityProbes();
        return app;
    }

    /// <summary>Starts the service and waits until the fake agent holds its registration.</summary>
    public static async Task<(LoopbackService Service, string Id)> StartRegisteredAsync(FakeConsulServer consul, string serviceName, string instance)
    {
        var before = consul.ServiceIds;
        var service = await LoopbackService.StartAsync(Build(consul, serviceName, instance));
        var id = $"{serviceName}-{Environment.MachineName}-{service.MainUri.Port}".ToLowerInvariant();
        await TaskTimeouts.EventuallyAsync(() => Task.FromResult(consul.ServiceIds.Contains(id)), because: $"{id} registers");
        return (service, id);
    }

    /// <summary>A client provider whose Health client dials <c>consul://serviceName</c> through the real resolver.</summary>
    public static ServiceProvider ClientProvider(FakeConsulServer consul, string serviceName)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(ConsulSettings(consul, provider: null)).Build());
        services.AddSingleton(TimeProvider.System);
        services.AddValidatedOptions<GrpcClientOptions>(GrpcClientOptions.SectionName);
        services.AddConsulDiscovery();
        services.AddIdentityGrpcClient<Grpc.Health.V1.Health.HealthClient>(_ => new Uri($"consul://{serviceName}"), "grpc.health.v1.Health", ["Check"]);
        return services.BuildServiceProvider();
    }

    /// <summary>Which instance answered one health call.</summary>
    public static async Task<string> CallAsync(Grpc.Health.V1.Health.HealthClient client)
    {
        using var call = client.CheckAsync(new HealthCheckRequest());
        var headers = await call.ResponseHeadersAsync.WithTimeout();
        await call.ResponseAsync.WithTimeout();
        return headers.GetValue(InstanceHeader) ?? "?";
    }

    public static async Task<string[]> CallManyAsync(Grpc.Health.V1.Health.HealthClient client, int count)
    {
        var answers = new string[count];
        for (var i = 0; i < count; i++)
        {
            answers[i] = await CallAsync(client);
        }
        return answers;
    }
}
