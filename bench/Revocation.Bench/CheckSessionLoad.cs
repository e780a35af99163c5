using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using Identity.Contracts.Revocation.V1;
using Identity.TestKit;

namespace Identity.Revocation.Bench;

/// <summary>CheckSession over gRPC: closed loop, <c>concurrency</c> callers on one channel, for a fixed time.</summary>
internal static class CheckSessionLoad
{
    private const int Sessions = 1000;

    public static async Task RunAsync(string? label, LoopbackService service, int concurrency, TimeSpan duration)
    {
        using var channel = GrpcChannel.ForAddress(service.MainUri);
        var client = new RevocationService.RevocationServiceClient(channel);
        var tenant = "bench-" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < Sessions; i++)
        {
            await client.RegisterSessionAsync(new RegisterSessionRequest
            {
                TenantId = tenant, UserId = "u" + (i % 100), SessionId = "s" + i,
                ExpiresAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(1)),
            });
        }

        // Long enough for tiered JIT and dynamic PGO to settle, which a loaded machine slows down.
        await LoopAsync(client, tenant, concurrency, TimeSpan.FromSeconds(6));
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var (latencies, elapsed) = await LoopAsync(client, tenant, concurrency, duration);
        process.Refresh();
        // Client and server share this process, so this is the whole cost of a check on this machine.
        var cpuPerCheck = (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / latencies.Count;

        if (label is null)
        {
            return;
        }
        Console.WriteLine($"CheckSession gRPC [{label}] concurrency={concurrency}: {latencies.Count / elapsed.TotalSeconds:0} checks/s; {latencies.Summary()}; process CPU {cpuPerCheck:0.0} µs/check (client+server) => {Environment.ProcessorCount * 1e6 / cpuPerCheck:0} checks/s if the cores were ours");
    }

    private static async Task<(Latencies, TimeSpan)> LoopAsync(RevocationService.RevocationServiceClient client, string tenant, int concurrency, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var latencies = new Latencies();
            var i = w;
            while (clock.Elapsed < duration)
            {
                var n = i++ % Sessions;
                var start = Stopwatch.GetTimestamp();
                var response = await client.CheckSessionAsync(new CheckSessionRequest { TenantId = tenant, UserId = "u" + (n % 100), SessionId = "s" + n });
                latencies.Add(Stopwatch.GetTimestamp() - start);
                if (response.Status != CredentialStatus.Valid)
                {
                    throw new InvalidOperationException($"Unexpected {response.Status}.");
                }
            }
            return latencies;
        })).ToList();
        var all = new Latencies();
        foreach (var worker in workers)
        {
            all.AddRange(await worker);
        }
        return (all, clock.Elapsed);
    }
}
