using System.Globalization;
using Identity.Revocation.Bench;
using Identity.TestKit;

// Usage: dotnet run -c Release --project bench/Revocation.Bench [-- seconds concurrency]
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;
var duration = TimeSpan.FromSeconds(seconds);
Console.WriteLine($"{DateTimeOffset.UtcNow:u} {Environment.ProcessorCount} cores, .NET {Environment.Version}");

await using (var inProcess = await BenchHost.StartAsync(redisConnectionString: null))
{
    // Whatever runs first in a fresh process measured 2-5x slower (tiered JIT and PGO still at
    // work, slowed further by a loaded machine): one unreported pass warms the gRPC stack for all.
    await CheckSessionLoad.RunAsync(null, inProcess, concurrency, TimeSpan.FromSeconds(15));
    await CheckSessionLoad.RunAsync("in-process store", inProcess, concurrency, duration);
    await CachedCheckBench.RunAsync(inProcess);
    await RevocationLatencyBench.RunAsync("in-process store", inProcess, 300);
}

await using var redis = await RedisServer.StartAsync();
await using (var redisHosted = await BenchHost.StartAsync(redis.ConnectionString))
{
    await CheckSessionLoad.RunAsync("Redis store", redisHosted, concurrency, duration);
    await RevocationLatencyBench.RunAsync("Redis store", redisHosted, 300);
}
