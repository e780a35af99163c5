using Identity.Revocation.Storage.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Identity.Revocation.Storage;

/// <summary>
/// Ready only while the store answers: with Redis, a PING (without it every check answers
/// UNAVAILABLE); the in-process store is always there.
/// </summary>
internal sealed class RevocationStoreHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!RevocationRegistration.IsRedis(services))
        {
            return HealthCheckResult.Healthy("in-process");
        }
        try
        {
            var connection = services.GetRequiredService<RedisConnection>();
            var latency = await connection.Multiplexer.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy($"Redis PING {latency.TotalMilliseconds:0.0} ms");
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis is unreachable.", ex);
        }
    }
}
