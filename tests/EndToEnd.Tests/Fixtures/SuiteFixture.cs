using Identity.DevHost;

namespace Identity.EndToEnd.Tests.Fixtures;

/// <summary>The whole suite in-process on loopback ports chosen by the OS, with its data in a temp folder.</summary>
public sealed class SuiteFixture : IAsyncLifetime
{
    public const string BootstrapToken = "e2e-bootstrap-token-0123456789abcdef";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "identity-e2e-" + Guid.NewGuid().ToString("N")[..12]);

    public EmbeddedSuite Suite { get; private set; } = null!;

    public HttpClient Scim { get; private set; } = null!;

    public static DevHostOptions EphemeralOptions(string dataDirectory) => new()
    {
        ScimPort = 0, ScimManagementPort = 0,
        DirectoryPort = 0, DirectoryManagementPort = 0,
        GroupRolePort = 0, GroupRoleManagementPort = 0,
        RevocationPort = 0, RevocationManagementPort = 0,
        DataDirectory = dataDirectory,
        BootstrapTenant = "e2e-bootstrap",
        BootstrapToken = BootstrapToken,
    };

    public async Task InitializeAsync()
    {
        Suite = await EmbeddedSuite.StartAsync(EphemeralOptions(DataDirectory)).WaitAsync(TimeSpan.FromSeconds(60));
        Scim = new HttpClient { BaseAddress = Suite.ScimUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Scim.Dispose();
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
public sealed class SuiteCollection : ICollectionFixture<SuiteFixture>
{
    public const string Name = "suite";
}
