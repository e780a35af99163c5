using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using Identity.Contracts.Revocation.V1;
using Identity.Revocation.Client;

namespace Identity.Revocation.Bench;

/// <summary>The client library's cached check: a warm cache, one thread, rounds of a million lookups.</summary>
internal static class CachedCheckBench
{
    private const int Sessions = 10_000;
    private const int PerRound = 1_000_000;

    public static async Task RunAsync(Uri service)
    {
        using var channel = GrpcChannel.ForAddress(service);
        var client = new RevocationService.RevocationServiceClient(channel);
        var tenant = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var users = new string[Sessions];
        var sessions = new string[Sessions];
        for (var i = 0; i < Sessions; i++)
        {
            users[i] = "u" + (i % 1000);
            sessions[i] = "s" + i;
            await client.RegisterSessionAsync(new RegisterSessionRequest
            {
                TenantId = tenant, UserId = users[i], SessionId = sessions[i], ExpiresAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(1)),
            });
        }
        await using var checker = new CachedSessionChecker(client, new RevocationClientOptions { CacheTtl = TimeSpan.FromMinutes(10) });
        await checker.WaitUntilWatchingAsync(tenant);
        for (var i = 0; i < Sessions; i++)
        {
            await checker.CheckSessionAsync(tenant, users[i], sessions[i]);
        }

        var perOp = new List<double>();
        var cpuPerOp = new List<double>();
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        for (var round = 0; round < 7; round++)
        {
            var misses = 0;
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < PerRound; i++)
            {
                var n = i % Sessions;
                var verdict = await checker.CheckSessionAsync(tenant, users[n], sessions[n]);
                if (!verdict.FromCache)
                {
                    misses++;
                }
            }
            var elapsed = Stopwatch.GetElapsedTime(start);
            process.Refresh();
            if (round > 1)
            {
                perOp.Add(elapsed.TotalNanoseconds / PerRound);
                cpuPerOp.Add((process.TotalProcessorTime - cpuBefore).TotalNanoseconds / PerRound);
            }
            if (misses > 0)
            {
                throw new InvalidOperationException($"{misses} cache misses in a warm round.");
            }
        }
        perOp.Sort();
        cpuPerOp.Sort();
        Console.WriteLine($"Cached CheckSession (client library, warm, 1 thread, {Sessions} sessions): wall median {perOp[perOp.Count / 2]:0} ns/check (best {perOp[0]:0}, worst {perOp[^1]:0}); process CPU median {cpuPerOp[cpuPerOp.Count / 2]:0} ns/check; {perOp.Count} rounds of {PerRound}");
    }
}
