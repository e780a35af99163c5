using Identity.DevHost;

namespace Identity.ScimEdge.Tests.Fixtures;

/// <summary>The whole suite in-process on loopback ports chosen by the OS, with a known admin key.</summary>
public sealed class EdgeSuiteFixture : IAsyncLifetime
{
    public const string AdminKey = "test-admin-key-0123456789abcdef";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "identity-edge-" + Guid.NewGuid().ToString("N")[..12]);

    public EmbeddedSuite Suite { get; private set; } = null!;

    /// <summary>An HttpClient on the edge's main port without credentials.</summary>
    public HttpClient Http { get; private set; } = null!;

    public AdminClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new DevHostOptions
        {
            ScimPort = 0, ScimManagementPort = 0,
            DirectoryPort = 0, DirectoryManagementPort = 0,
            GroupRolePort = 0, GroupRoleManagementPort = 0,
            RevocationPort = 0, RevocationManagementPort = 0,
            DataDirectory = DataDirectory,
            BootstrapTenant = "edge-bootstrap",
            BootstrapToken = "edge-bootstrap-token-0123456789abcdef",
            AdminKey = AdminKey,
        };
        Suite = await EmbeddedSuite.StartAsync(options).WaitAsync(TimeSpan.FromSeconds(60));
        Http = new HttpClient { BaseAddress = Suite.ScimUri, Timeout = TimeSpan.FromSeconds(30) };
        Admin = new AdminClient(Http, AdminKey);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Suite.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Temp data left behind is harmless.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class EdgeSuiteCollection : ICollectionFixture<EdgeSuiteFixture>
{
    public const string Name = "edge-suite";
}
