using Identity.ServiceDefaults.Options;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.Options;

namespace Identity.ScimEdge.Protection;

/// <summary>Per-tenant rate limits, request timeouts and the global body limit of the edge.</summary>
internal static class ProtectionRegistration
{
    /// <summary>
    /// Kestrel's ceiling for any body. SCIM bodies are held to <c>Scim__MaxBodyBytes</c> and
    /// <c>Scim__MaxBulkBytes</c> (at most 64 MB, so raise this with them), admin bodies to 64 KB.
    /// </summary>
    public const long MaxRequestBodyBytes = 8 * 1024 * 1024;

    public static WebApplicationBuilder AddEdgeProtection(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.SectionName);
        builder.Services.AddValidatedOptions<TimeoutOptions>(TimeoutOptions.SectionName);
        builder.Services.AddSingleton<TenantRateLimiter>();
        builder.Services.AddSingleton<ExpensiveRequestGate>();
        builder.Services.AddRequestTimeouts();
        builder.Services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<TimeoutOptions>>((timeouts, options) =>
            timeouts.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = options.Value.RequestTimeout,
                TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
                WriteTimeoutResponse = TimeoutAnswer.WriteAsync,
            });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        return builder;
    }

    /// <summary>The default policy covers every endpoint: SCIM, admin, and the short gRPC probes on the main port.</summary>
    public static WebApplication UseEdgeProtection(this WebApplication app)
    {
        app.UseRequestTimeouts();
        app.UseMiddleware<TimeoutAnswerMiddleware>();
        return app;
    }
}
