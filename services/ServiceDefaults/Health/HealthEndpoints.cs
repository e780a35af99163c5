using Identity.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Identity.ServiceDefaults.Health;

internal static class HealthEndpoints
{
    public static void Map(WebApplication app)
    {
        var endpoints = app.Services.GetRequiredService<ServiceEndpoints>();
        MapProbe(app, endpoints, "/health/live", HealthTags.Live);
        // Readiness includes liveness: a dead process is never ready.
        MapProbe(app, endpoints, "/health/ready", HealthTags.Ready, HealthTags.Live);
    }

    private static void MapProbe(WebApplication app, ServiceEndpoints endpoints, string path, params string[] tags)
    {
        app.MapGet(path, async (HttpContext context, HealthCheckService health, CancellationToken cancellationToken) =>
        {
            // Probes live on the management port only: the ingress exposes the main port.
            if (context.Connection.LocalPort != endpoints.ManagementPort)
            {
                return Results.NotFound();
            }
            var report = await health.CheckHealthAsync(check => check.Tags.Overlaps(tags), cancellationToken);
            var body = new
            {
                status = report.Status.ToString(),
                checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
            };
            return Results.Json(body, statusCode: report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
        }).ExcludeFromDescription();
    }
}
