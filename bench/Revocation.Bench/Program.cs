using System.Diagnostics;
using System.Globalization;
using Identity.Revocation.Bench;
using Identity.TestKit;

// Usage: dotnet run -c Release --project bench/Revocation.Bench [-- seconds concurrencies [scenarios [channels]]]
//    or: dotnet run -c Release --project bench/Revocation.Bench -- rebuild [users [stores]]
//   rebuild: seeds Directory with that many inactive users (default 100000), wipes Revocation's
//   state (FLUSHALL; a new in-process store) and times the rebuild; stores: all, inprocess or redis
//   concurrencies: one or several caller counts, e.g. 16 or 8,16,32 (default 16)
//   scenarios: all (default), inprocess or redis (load phases only, for profiling one store)
//   channels: gRPC channels (HTTP/2 connections) the callers share (default 2)
if (args.Length > 0 && args[0] == "rebuild")
{
    var users = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
    await RebuildBench.RunAsync(users, args.Length > 2 ? args[2] : "all");
    return;
}

var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
int[] concurrencies = args.Length > 1 ? [.. args[1].Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))] : [16];
var scenarios = args.Length > 2 ? args[2] : "all";
var channels = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2;
var duration = TimeSpan.FromSeconds(seconds);
Console.WriteLine($"{DateTimeOffset.UtcNow:u} {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage.Read()}");

using var self = Process.GetCurrentProcess();
var client = new CpuMeter("client", () =>
{
    self.Refresh();
    return Task.FromResult(self.TotalProcessorTime);
});

if (scenarios is "all" or "inprocess")
{
    await using var service = await ServiceProcess.StartAsync(redisConnectionString: null);
    CpuMeter[] meters = [client, new CpuMeter("service", () => Task.FromResult(service.ProcessorTime))];
    // Whatever runs first in a fresh process measured 2-5x slower (tiered JIT and PGO still at
    // work, slowed further by a loaded machine): one unreported pass warms both gRPC stacks.
    await CheckSessionLoad.RunAsync(null, service.MainUri, concurrencies[^1], channels, TimeSpan.FromSeconds(15), meters);
    foreach (var concurrency in concurrencies)
    {
        await CheckSessionLoad.RunAsync("in-process store", service.MainUri, concurrency, channels, duration, meters);
    }
    if (scenarios == "all")
    {
        await CachedCheckBench.RunAsync(service.MainUri);
        await RevocationLatencyBench.RunAsync("in-process store", service.MainUri, 300);
    }
}

if (scenarios is "all" or "redis")
{
    await using var redis = await RedisServer.StartAsync();
    await using var redisCpu = await RedisCpu.ConnectAsync(redis.ConnectionString);
    await using var service = await ServiceProcess.StartAsync(redis.ConnectionString);
    CpuMeter[] meters = [client, new CpuMeter("service", () => Task.FromResult(service.ProcessorTime)), new CpuMeter("redis-server", redisCpu.ReadAsync)];
    await CheckSessionLoad.RunAsync(null, service.MainUri, concurrencies[^1], channels, TimeSpan.FromSeconds(15), meters);
    foreach (var concurrency in concurrencies)
    {
        await CheckSessionLoad.RunAsync("Redis store", service.MainUri, concurrency, channels, duration, meters);
    }
    if (scenarios == "all")
    {
        await RevocationLatencyBench.RunAsync("Redis store", service.MainUri, 300);
    }
}
