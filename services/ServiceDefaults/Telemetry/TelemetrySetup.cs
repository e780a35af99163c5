using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Identity.ServiceDefaults.Telemetry;

internal static class TelemetrySetup
{
    /// <summary>Every service's own ActivitySource and Meter start with this prefix.</summary>
    public const string SourcePrefix = "Identity.";

    public static void Configure(WebApplicationBuilder builder, string serviceName)
    {
        // Without an exporter (OTEL_EXPORTER_OTLP_ENDPOINT) nothing would ever leave the process, yet
        // the SDK would still start an Activity and record histograms for every request: on a hot path
        // such as a cached SCIM GET that is a measurable share of the request. So no exporter, no SDK.
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return;
        }
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName: $"identity-{serviceName}"))
            .WithTracing(t => t
                .AddSource(SourcePrefix + "*")
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation())
            .WithMetrics(m => m
                .AddMeter(SourcePrefix + "*")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .UseOtlpExporter();
    }
}
