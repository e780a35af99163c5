using System.Diagnostics;
using System.Globalization;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using Identity.Contracts.Revocation.V1;

namespace Identity.Revocation.Bench;

/// <summary>
/// CheckSession over gRPC: closed loop, <c>concurrency</c> callers spread over <c>channels</c>
/// HTTP/2 connections, for a fixed time. Requests are built once, so the client spends its CPU
/// on gRPC, not on the harness.
/// </summary>
internal static class CheckSessionLoad
{
    private const int Sessions = 1000;

    public static async Task RunAsync(string? label, Uri service, int concurrency, int channels, TimeSpan duration, IReadOnlyList<CpuMeter> meters)
    {
        var connections = Enumerable.Range(0, channels).Select(_ => GrpcChannel.ForAddress(service)).ToList();
        try
        {
            var clients = connections.Select(c => new RevocationService.RevocationServiceClient(c)).ToList();
            var tenant = "bench-" + Guid.NewGuid().ToString("N")[..8];
            var requests = new CheckSessionRequest[Sessions];
            for (var i = 0; i < Sessions; i++)
            {
                var userId = "u" + (i % 100);
                await clients[0].RegisterSessionAsync(new RegisterSessionRequest
                {
                    TenantId = tenant, UserId = userId, SessionId = "s" + i,
                    ExpiresAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(1)),
                });
                requests[i] = new CheckSessionRequest { TenantId = tenant, UserId = userId, SessionId = "s" + i };
            }

            // Long enough for tiered JIT and dynamic PGO to settle, which a loaded machine slows down.
            await LoopAsync(clients, requests, concurrency, TimeSpan.FromSeconds(6));
            var before = await ReadAsync(meters);
            var load = LoadAverage.Read();
            var (latencies, elapsed) = await LoopAsync(clients, requests, concurrency, duration);
            var after = await ReadAsync(meters);

            if (label is null)
            {
                return;
            }
            var line = new StringBuilder().Append(CultureInfo.InvariantCulture,
                $"CheckSession gRPC [{label}] concurrency={concurrency} channels={channels} load={load}->{LoadAverage.Read()}: {latencies.Count / elapsed.TotalSeconds:0} checks/s; {latencies.Summary()}; CPU µs/check:");
            var total = 0.0;
            for (var m = 0; m < meters.Count; m++)
            {
                var perCheck = (after[m] - before[m]).TotalMicroseconds / latencies.Count;
                total += perCheck;
                line.Append(CultureInfo.InvariantCulture, $" {meters[m].Name} {perCheck:0.0}");
            }
            // The machine's rate if these processes had both cores to themselves.
            line.Append(CultureInfo.InvariantCulture, $", total {total:0.0} => {Environment.ProcessorCount * 1e6 / total:0} checks/s on idle cores");
            Console.WriteLine(line);
        }
        finally
        {
            connections.ForEach(c => c.Dispose());
        }
    }

    private static async Task<TimeSpan[]> ReadAsync(IReadOnlyList<CpuMeter> meters)
    {
        var values = new TimeSpan[meters.Count];
        for (var m = 0; m < meters.Count; m++)
        {
            values[m] = await meters[m].Read();
        }
        return values;
    }

    private static async Task<(Latencies, TimeSpan)> LoopAsync(
        List<RevocationService.RevocationServiceClient> clients, CheckSessionRequest[] requests, int concurrency, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var client = clients[w % clients.Count];
            var latencies = new Latencies();
            var i = w;
            while (clock.Elapsed < duration)
            {
                var request = requests[i++ % requests.Length];
                var start = Stopwatch.GetTimestamp();
                var response = await client.CheckSessionAsync(request);
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
