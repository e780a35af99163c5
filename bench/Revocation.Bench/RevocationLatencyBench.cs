using System.Diagnostics;
using Grpc.Net.Client;
using Identity.Contracts.Revocation.V1;

namespace Identity.Revocation.Bench;

/// <summary>Time from sending RevokeUser to the USER_REVOKED event arriving at a WatchRevocations subscriber.</summary>
internal static class RevocationLatencyBench
{
    public static async Task RunAsync(string label, Uri service, int iterations)
    {
        using var channel = GrpcChannel.ForAddress(service);
        var client = new RevocationService.RevocationServiceClient(channel);
        var tenant = "bench-" + Guid.NewGuid().ToString("N")[..8];
        using var watch = client.WatchRevocations(new WatchRevocationsRequest { TenantId = tenant });
        await watch.ResponseHeadersAsync;

        var latencies = new Latencies();
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await client.RevokeUserAsync(new RevokeUserRequest { TenantId = tenant, UserId = "u" + i, Reason = "bench" });
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            if (!await watch.ResponseStream.MoveNext(timeout.Token) || watch.ResponseStream.Current.UserId != "u" + i)
            {
                throw new InvalidOperationException("The watcher did not see the revocation.");
            }
            if (i >= 10)
            {
                latencies.Add(Stopwatch.GetTimestamp() - start);
            }
            // Spread the revocations out, as in life: the watcher is idle when each arrives.
            await Task.Delay(Random.Shared.Next(5, 25));
        }
        Console.WriteLine($"RevokeUser -> event at watcher [{label}]: {latencies.Summary()}");
    }
}
