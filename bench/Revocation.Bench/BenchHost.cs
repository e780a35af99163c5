using Identity.TestKit;
using Microsoft.Extensions.Configuration;

namespace Identity.Revocation.Bench;

/// <summary>Starts the real service on loopback, quiet (Warning logs) so console output does not skew figures.</summary>
internal static class BenchHost
{
    public static Task<LoopbackService> StartAsync(string? redisConnectionString)
    {
        var settings = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" };
        if (redisConnectionString is not null)
        {
            settings["Storage:Provider"] = "Redis";
            settings["Storage:RedisConnectionString"] = redisConnectionString;
        }
        return LoopbackService.StartAsync(RevocationApp.Create([], b => b.Configuration.AddInMemoryCollection(settings)));
    }
}
