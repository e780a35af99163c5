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
        catch (RedisConnectionException ex)
        {
            throw new StoreUnavailableException("Redis is unreachable.", ex);
        }
        catch (RedisTimeoutException ex)
        {
            throw new StoreUnavailableException("Redis did not answer in time.", ex);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("LOADING", StringComparison.Ordinal)
            || ex.Message.StartsWith("MASTERDOWN", StringComparison.Ordinal))
        {
            // A restarting Redis replays its append-only file before it serves commands.
            throw new StoreUnavailableException("Redis is loading its data.", ex);
        }
    }
}
