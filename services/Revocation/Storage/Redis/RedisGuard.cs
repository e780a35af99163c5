using StackExchange.Redis;

namespace Identity.Revocation.Storage.Redis;

/// <summary>Turns "Redis is not there right now" into <see cref="StoreUnavailableException"/>; real bugs pass through.</summary>
internal static class RedisGuard
{
    public static async Task<T> Run<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (Unavailable(ex) is { } unavailable)
        {
            throw unavailable;
        }
    }

    /// <summary>The <see cref="StoreUnavailableException"/> that <paramref name="ex"/> stands for, or null for a real bug.</summary>
    public static StoreUnavailableException? Unavailable(Exception ex) => ex switch
    {
        RedisConnectionException => new StoreUnavailableException("Redis is unreachable.", ex),
        RedisTimeoutException => new StoreUnavailableException("Redis did not answer in time.", ex),
        // A restarting Redis replays its append-only file before it serves commands.
        RedisServerException when ex.Message.StartsWith("LOADING", StringComparison.Ordinal)
            || ex.Message.StartsWith("MASTERDOWN", StringComparison.Ordinal) => new StoreUnavailableException("Redis is loading its data.", ex),
        _ => null,
    };
}
