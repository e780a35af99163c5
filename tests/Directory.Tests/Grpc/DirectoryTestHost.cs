using Identity.Contracts.Directory.V1;
using Identity.Directory.Tests.Storage;
using Identity.TestKit;
using Microsoft.Extensions.Configuration;

namespace Identity.Directory.Tests.Grpc;

/// <summary>The real Directory on 127.0.0.1:0 with a private SQLite file, called with the generated client.</summary>
internal sealed class DirectoryTestHost : IAsyncDisposable
{
    private readonly LoopbackService _service;

    private DirectoryTestHost(LoopbackService service, string databasePath)
    {
        _service = service;
        DatabasePath = databasePath;
    }

    /// <summary>The SQLite file the service writes, for tests that read the stored rows themselves.</summary>
    public string DatabasePath { get; }

    public DirectoryService.DirectoryServiceClient Client => new(_service.Channel);

    /// <summary>The management listener (health probes).</summary>
    public HttpClient ManagementClient => _service.ManagementClient;

    public static async Task<DirectoryTestHost> StartAsync(string label)
    {
        var path = Path.Combine(Path.GetTempPath(), $"identity-directory-{label}-{Guid.NewGuid():N}.db");
        var app = DirectoryApp.Create([], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:SqlitePath"] = path,
        }));
        return new DirectoryTestHost(await LoopbackService.StartAsync(app), path);
    }

    /// <summary>A new tenant of this test's own.</summary>
    public async Task<string> CreateTenantAsync()
    {
        var tenant = TestTenant.New();
        await Client.CreateTenantAsync(new CreateTenantRequest { TenantId = tenant }).ResponseAsync.WithTimeout();
        return tenant;
    }

    public async ValueTask DisposeAsync()
    {
        await _service.DisposeAsync();
        SqliteTestDatabase.DeleteFiles(DatabasePath);
    }
}
