using Grpc.Core;
using Identity.Contracts.Revocation.V1;
using Identity.TestKit;
using Microsoft.Extensions.Configuration;

namespace Identity.Revocation.Tests;

/// <summary>Starts the real Revocation service on loopback with the given settings.</summary>
internal static class RevocationHost
{
    public static Task<LoopbackService> StartAsync(IDictionary<string, string?>? settings = null) =>
        LoopbackService.StartAsync(RevocationApp.Create([], b => b.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>())));

    public static Dictionary<string, string?> Redis(string connectionString) => new()
    {
        ["Storage:Provider"] = "Redis",
        ["Storage:RedisConnectionString"] = connectionString,
    };

    public static RevocationService.RevocationServiceClient Client(this LoopbackService service) => new(service.Channel);

    /// <summary>Reads the next event, failing the test if none arrives within the timeout.</summary>
    public static async Task<RevocationEvent> NextAsync(this IAsyncStreamReader<RevocationEvent> stream, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TaskTimeouts.Default);
        Assert.True(await stream.MoveNext(cancel.Token), "The watch stream ended.");
        return stream.Current;
    }
}
