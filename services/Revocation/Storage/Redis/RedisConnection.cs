using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Identity.Revocation.Storage.Redis;

/// <summary>
/// The one multiplexer of the process. It never gives up: it starts even while Redis is down
/// and reconnects by itself, and commands fail fast while disconnected so checks can answer
/// UNAVAILABLE at once instead of queueing behind a dead socket.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private RedisConnection(IConnectionMultiplexer multiplexer) => Multiplexer = multiplexer;

    public IConnectionMultiplexer Multiplexer { get; }

    public static RedisConnection Connect(IOptions<RevocationStorageOptions> options)
    {
        var connectionString = options.Value.RedisConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Storage__RedisConnectionString is required when Storage__Provider is Redis.");
        }
        var configuration = ConfigurationOptions.Parse(connectionString);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ConnectTimeout = 2_000;
        configuration.SyncTimeout = 2_000;
        configuration.AsyncTimeout = 2_000;
        configuration.ReconnectRetryPolicy = new LinearRetry(500);
        configuration.ClientName ??= "identity-revocation";
        return new RedisConnection(ConnectionMultiplexer.Connect(configuration));
    }

    public async ValueTask DisposeAsync() => await Multiplexer.DisposeAsync();
}
