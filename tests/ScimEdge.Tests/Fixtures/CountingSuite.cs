using Identity.Directory;
using Identity.DevHost;
using Identity.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.ScimEdge.Tests.Fixtures;

/// <summary>
/// A Directory of its own (real gRPC on loopback, a SQLite file in a temp folder) with a
/// <see cref="DirectoryCallLog"/>, and an edge in front of it; GroupRole and Revocation are the
/// shared suite's.
/// </summary>
public sealed class CountingSuite : IAsyncDisposable
{
    private readonly WebApplication _directory;
    private readonly string _dataDirectory;

    private CountingSuite(WebApplication directory, string dataDirectory, EdgeHost edge, DirectoryCallLog log)
    {
        _directory = directory;
        _dataDirectory = dataDirectory;
        Edge = edge;
        Log = log;
    }

    public EdgeHost Edge { get; }

    /// <summary>The SQLite file of this suite's Directory, for tests that read its rows directly.</summary>
    public string DirectoryDatabasePath => Path.Combine(_dataDirectory, "directory.db");

    public DirectoryCallLog Log { get; }

    public static async Task<CountingSuite> StartAsync(EmbeddedSuite suite, IDictionary<string, string?>? edgeSettings = null)
    {
        var data = Path.Combine(Path.GetTempPath(), "identity-counting-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(data);
        var log = new DirectoryCallLog();
        var directory = DirectoryApp.Create([$"--contentRoot={AppContext.BaseDirectory}"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Endpoints:Main"] = "http://127.0.0.1:0",
                ["Endpoints:Management"] = "http://127.0.0.1:0",
                ["Storage:Provider"] = "Sqlite",
                ["Storage:SqlitePath"] = Path.Combine(data, "directory.db"),
                ["Logging:LogLevel:Default"] = "Warning",
            });
            builder.Services.AddGrpc(options => options.Interceptors.Add<DirectoryCallLog>());
            builder.Services.AddSingleton(log);
        });
        await directory.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var directoryUri = directory.Services.GetRequiredService<ServiceEndpoints>().MainUri;
        var settings = new Dictionary<string, string?>(edgeSettings ?? new Dictionary<string, string?>())
        {
            ["Downstream:Directory"] = directoryUri.ToString(),
        };
        var edge = await EdgeHost.StartAsync(suite, settings);
        return new CountingSuite(directory, data, edge, log);
    }

    public async ValueTask DisposeAsync()
    {
        await Edge.DisposeAsync();
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _directory.StopAsync(stopping.Token);
        await _directory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Temp data left behind is harmless.
        }
    }
}
