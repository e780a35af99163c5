using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Identity.ServiceDefaults.Health;

/// <summary>Answers as long as the process can run a request at all.</summary>
internal sealed class LivenessCheck : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy());
}
