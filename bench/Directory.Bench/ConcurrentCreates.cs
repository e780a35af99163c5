using System.Diagnostics;
using Identity.Directory.Auditing;
using Identity.Directory.Users;

namespace Identity.Directory.Bench;

/// <summary>Creates from many callers at once, as the SCIM edge makes them: throughput and the process's CPU per create.</summary>
internal static class ConcurrentCreates
{
    public sealed record Result(double PerSecond, double CpuMicroseconds, double AllocatedKilobytes);

    public static async Task<Result> MeasureAsync(UserDirectory directory, string tenant, int callers, TimeSpan warmUp, TimeSpan duration)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        await RunAsync(directory, tenant, callers, $"warm.{run}", warmUp);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        var creates = await RunAsync(directory, tenant, callers, $"measured.{run}", duration);
        clock.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        return new Result(creates / clock.Elapsed.TotalSeconds, cpu.TotalMicroseconds / creates,
            (GC.GetTotalAllocatedBytes() - allocatedBefore) / 1024.0 / creates);
    }

    private static async Task<long> RunAsync(UserDirectory directory, string tenant, int callers, string prefix, TimeSpan duration)
    {
        long creates = 0;
        var stop = Stopwatch.StartNew();
        var mutation = new Mutation("bench", "");
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async caller =>
        {
            for (var i = 0; stop.Elapsed < duration; i++)
            {
                var userName = $"{prefix}.{caller}.{i}@example.com";
                var json = $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}","externalId":"{{prefix}}-{{caller}}-{{i}}","name":{"givenName":"Bench","familyName":"User"},"displayName":"Bench User","emails":[{"value":"{{userName}}","type":"work","primary":true}],"active":true}""";
                await directory.CreateAsync(tenant, json, mutation, adoptJitMatch: true, CancellationToken.None);
                Interlocked.Increment(ref creates);
            }
        }));
        return creates;
    }
}
