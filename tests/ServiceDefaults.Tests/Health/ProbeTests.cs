using System.Net;
using Grpc.Health.V1;
using Identity.ServiceDefaults.Health;
using Identity.ServiceDefaults.Hosting;
using Identity.ServiceDefaults.Options;
using Identity.TestKit;
using Identity.TestKit.ServerLogs;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Identity.ServiceDefaults.Tests.Health;

public sealed class ProbeTests
{
    private static WebApplication Build(ServiceProtocol protocol, Func<bool>? ready = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddIdentityDefaults("probe-test", protocol);
        builder.Services.AddHealthChecks().AddCheck("store", () =>
            ready is null || ready() ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("store down"), tags: [HealthTags.Ready]);
        var app = builder.Build();
        app.MapIdentityProbes();
        return app;
    }

    [Fact]
    public async Task Ready_OnManagementPort_Answers200()
    {
        await using var service = await LoopbackService.StartAsync(Build(ServiceProtocol.Grpc));

        var response = await service.ManagementClient.GetAsync(new Uri("/health/ready", UriKind.Relative)).WithTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"Healthy\"", await response.Content.ReadAsStringAsync().WithTimeout(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_StoreUnhealthy_Answers503ButLiveStays200()
    {
        var storeUp = false;
        await using var service = await LoopbackService.StartAsync(Build(ServiceProtocol.Grpc, () => storeUp));
        // The health check service logs an unhealthy check as an error; here it is the point of the test.
        using var unhealthy = ServerErrorLog.Allow("Microsoft.Extensions.Diagnostics.HealthChecks", "store down");

        var ready = await service.ManagementClient.GetAsync(new Uri("/health/ready", UriKind.Relative)).WithTimeout();
        var live = await service.ManagementClient.GetAsync(new Uri("/health/live", UriKind.Relative)).WithTimeout();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Probes_OnMainPort_AreNotServed()
    {
        await using var service = await LoopbackService.StartAsync(Build(ServiceProtocol.Http));

        var response = await service.MainClient.GetAsync(new Uri("/health/ready", UriKind.Relative)).WithTimeout();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GrpcHealth_OnMainPort_Serving()
    {
        await using var service = await LoopbackService.StartAsync(Build(ServiceProtocol.Grpc));
        var health = new Grpc.Health.V1.Health.HealthClient(service.Channel);

        var answer = await health.CheckAsync(new HealthCheckRequest()).ResponseAsync.WithTimeout();

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, answer.Status);
    }
}
