using Grpc.Net.Client;
using Identity.Contracts.Directory.V1;
using Identity.Directory;
using Identity.GroupRole;
using Identity.Revocation;
using Identity.ScimEdge;
using Identity.ServiceDefaults.Hosting;

namespace Identity.DevHost;

/// <summary>The four services in one process on loopback, with embedded stores. Stops them in reverse order.</summary>
public sealed class EmbeddedSuite : IAsyncDisposable
{
    private readonly List<WebApplication> _apps = [];

    private EmbeddedSuite(DevHostOptions options) => Options = options;

    public DevHostOptions Options { get; }

    public Uri DirectoryUri { get; private set; } = null!;
    public Uri GroupRoleUri { get; private set; } = null!;
    public Uri RevocationUri { get; private set; } = null!;
    public Uri ScimUri { get; private set; } = null!;
    public Uri ScimManagementUri { get; private set; } = null!;

    /// <summary>The SCIM base URL IdPs are given.</summary>
    public Uri ScimBaseUri => new(ScimUri, "/scim/v2");

    public string BootstrapTenant { get; private set; } = "";
    public string BootstrapToken { get; private set; } = "";

    /// <summary>Every started app, for the caller to watch for a stop.</summary>
    public IReadOnlyList<WebApplication> Apps => _apps;

    public static async Task<EmbeddedSuite> StartAsync(DevHostOptions options, IDictionary<string, string?>? extraSettings = null, CancellationToken cancellationToken = default)
    {
        var suite = new EmbeddedSuite(options);
        try
        {
            await suite.StartAllAsync(extraSettings ?? new Dictionary<string, string?>(), cancellationToken);
            return suite;
        }
        catch
        {
            await suite.DisposeAsync();
            throw;
        }
    }

    private async Task StartAllAsync(IDictionary<string, string?> extra, CancellationToken cancellationToken)
    {
        var data = Path.GetFullPath(Options.DataDirectory);
        System.IO.Directory.CreateDirectory(data);

        DirectoryUri = await StartAsync(DirectoryApp.Create, Options.DirectoryPort, Options.DirectoryManagementPort, extra, cancellationToken,
            ("Storage:Provider", "Sqlite"), ("Storage:SqlitePath", Path.Combine(data, "directory.db")));
        GroupRoleUri = await StartAsync(GroupRoleApp.Create, Options.GroupRolePort, Options.GroupRoleManagementPort, extra, cancellationToken,
            ("Storage:Provider", "Sqlite"), ("Storage:SqlitePath", Path.Combine(data, "grouprole.db")));
        RevocationUri = await StartAsync(RevocationApp.Create, Options.RevocationPort, Options.RevocationManagementPort, extra, cancellationToken,
            ("Storage:Provider", string.IsNullOrEmpty(Options.Redis) ? "InProcess" : "Redis"),
            ("Storage:RedisConnectionString", Options.Redis),
            ("Reconciler:Directory", DirectoryUri.ToString()));
        ScimUri = await StartAsync(ScimEdgeApp.Create, Options.ScimPort, Options.ScimManagementPort, extra, cancellationToken,
            ("Downstream:Directory", DirectoryUri.ToString()),
            ("Downstream:GroupRole", GroupRoleUri.ToString()),
            ("Downstream:Revocation", RevocationUri.ToString()));
        ScimManagementUri = _apps[^1].Services.GetRequiredService<ServiceEndpoints>().ManagementUri;

        await BootstrapAsync(data, cancellationToken);
    }

    private async Task<Uri> StartAsync(
        Func<string[], Action<WebApplicationBuilder>?, WebApplication> create,
        int port,
        int managementPort,
        IDictionary<string, string?> extra,
        CancellationToken cancellationToken,
        params (string Key, string? Value)[] settings)
    {
        var app = create([], builder =>
        {
            var values = new Dictionary<string, string?>
            {
                ["Endpoints:Main"] = $"http://{Options.Bind}:{port}",
                ["Endpoints:Management"] = $"http://{Options.Bind}:{managementPort}",
                // Four services share one console: short text lines, warnings and up, unless overridden.
                ["Logging:Console:FormatterName"] = "simple",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            foreach (var (key, value) in settings)
            {
                values[key] = value;
            }
            foreach (var (key, value) in extra)
            {
                values[key] = value;
            }
            builder.Configuration.AddInMemoryCollection(values);
        });
        _apps.Add(app);
        await app.StartAsync(cancellationToken);
        return app.Services.GetRequiredService<ServiceEndpoints>().MainUri;
    }

    private async Task BootstrapAsync(string data, CancellationToken cancellationToken)
    {
        BootstrapTenant = Options.BootstrapTenant;
        BootstrapToken = string.IsNullOrEmpty(Options.BootstrapToken) ? await LocalTokenFile.ReadOrCreateAsync(data, cancellationToken) : Options.BootstrapToken;

        using var channel = GrpcChannel.ForAddress(DirectoryUri);
        var directory = new DirectoryService.DirectoryServiceClient(channel);
        var context = new Identity.Contracts.Common.V1.MutationContext { Actor = "devhost-bootstrap" };
        await directory.CreateTenantAsync(new CreateTenantRequest
        {
            TenantId = BootstrapTenant,
            DisplayName = BootstrapTenant,
            IfNotExists = true,
            Context = context,
        }, cancellationToken: cancellationToken);
        // Issuing a known secret again finds the stored hash and changes nothing, so this is idempotent.
        await directory.IssueTokenAsync(new IssueTokenRequest
        {
            TenantId = BootstrapTenant,
            Description = "bootstrap",
            Secret = BootstrapToken,
            Context = context,
        }, cancellationToken: cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _apps.Count - 1; i >= 0; i--)
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _apps[i].StopAsync(stopping.Token);
            await _apps[i].DisposeAsync();
        }
        _apps.Clear();
    }
}
