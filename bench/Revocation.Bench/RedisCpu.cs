using System.Globalization;
using StackExchange.Redis;

namespace Identity.Revocation.Bench;

/// <summary>redis-server's own CPU time (INFO cpu), so a check's cost includes the store's share of the cores.</summary>
internal sealed class RedisCpu(IConnectionMultiplexer connection) : IAsyncDisposable
{
    public static async Task<RedisCpu> ConnectAsync(string connectionString) =>
        new(await ConnectionMultiplexer.ConnectAsync(connectionString + ",allowAdmin=true"));

    public async Task<TimeSpan> ReadAsync()
    {
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var info = (await server.InfoAsync("cpu")).SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return TimeSpan.FromSeconds(
            double.Parse(info["used_cpu_sys"], CultureInfo.InvariantCulture) + double.Parse(info["used_cpu_user"], CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}
