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
    public const string Directory = "directory";
    public const string GroupRole = "grouprole";
    public const string Revocation = "revocation";
    public const string ScimEdge = "scim-edge";

    private readonly List<ServiceSlot> _slots = [];

    private EmbeddedSuite(DevHostOptions options) => Options = options;

    /// <summary>One service: how to build it, its settings (ports fixed after the first start), and the running app.</summary>
    private sealed class ServiceSlot(string name, Func<string[], Action<WebApplicationBuilder>?, WebApplication> create, Dictionary<string, string?> settings)
    {
        public string Name { get; } = name;
        public Func<string[], Action<WebApplicationBuilder>?, WebApplication> Create { get; } = create;
        public Dictionary<string, string?> Settings { get; } = settings;
        public WebApplication? App { get; set; }
    }

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

    /// <summary>The key of the edge's admin API (/admin).</summary>
    public string AdminKey { get; private set; } = "";

    /// <summary>Every running app, for the caller to watch for a stop.</summary>
    public IReadOnlyList<WebApplication> Apps => _slots.Where(s => s.App is not null).Select(s => s.App!).ToList();

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

    /// <summary>Stops one service (tests of a downstream outage); <see cref="StartServiceAsync"/> brings it back on the same port and data.</summary>
    public async Task StopServiceAsync(string name)
    {
        var slot = Slot(name);
        if (slot.App is { } app)
        {
            slot.App = null;
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await app.StopAsync(stopping.Token);
            await app.DisposeAsync();
        }
    }

    public async Task StartServiceAsync(string name, CancellationToken cancellationToken = default)
    {
        var slot = Slot(name);
        if (slot.App is null)
        {
            await RunAsync(slot, cancellationToken);
        }
    }

    private ServiceSlot Slot(string name) => _slots.Single(s => s.Name == name);

    private async Task StartAllAsync(IDictionary<string, string?> extra, CancellationToken cancellationToken)
    {
        var data = Path.GetFullPath(Options.DataDirectory);
        System.IO.Directory.CreateDirectory(data);

        DirectoryUri = await AddAsync(Directory, DirectoryApp.Create, Options.DirectoryPort, Options.DirectoryManagementPort, extra, cancellationToken,
            ("Storage:Provider", "Sqlite"), ("Storage:SqlitePath", Path.Combine(data, "directory.db")));
        GroupRoleUri = await AddAsync(GroupRole, GroupRoleApp.Create, Options.GroupRolePort, Options.GroupRoleManagementPort, extra, cancellationToken,
            ("Storage:Provider", "Sqlite"), ("Storage:SqlitePath", Path.Combine(data, "grouprole.db")));
        RevocationUri = await AddAsync(Revocation, RevocationApp.Create, Options.RevocationPort, Options.RevocationManagementPort, extra, cancellationToken,
            ("Storage:Provider", string.IsNullOrEmpty(Options.Redis) ? "InProcess" : "Redis"),
            ("Storage:RedisConnectionString", Options.Redis),
            ("Downstream:Directory", DirectoryUri.ToString()),
            ("Downstream:GroupRole", GroupRoleUri.ToString()));
        AdminKey = string.IsNullOrEmpty(Options.AdminKey) ? await LocalTokenFile.ReadOrCreateAdminKeyAsync(data, cancellationToken) : Options.AdminKey;
        ScimUri = await AddAsync(ScimEdge, ScimEdgeApp.Create, Options.ScimPort, Options.ScimManagementPort, extra, cancellationToken,
            ("Admin:ApiKey", AdminKey),
            ("Downstream:Directory", DirectoryUri.ToString()),
            ("Downstream:GroupRole", GroupRoleUri.ToString()),
            ("Downstream:Revocation", RevocationUri.ToString()));
        ScimManagementUri = Slot(ScimEdge).App!.Services.GetRequiredService<ServiceEndpoints>().ManagementUri;

        await BootstrapAsync(data, cancellationToken);
    }

    private async Task<Uri> AddAsync(
        string name,
        Func<string[], Action<WebApplicationBuilder>?, WebApplication> create,
        int port,
        int managementPort,
        IDictionary<string, string?> extra,
        CancellationToken cancellationToken,
        params (string Key, string? Value)[] settings)
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
        var slot = new ServiceSlot(name, create, values);
        _slots.Add(slot);
        var endpoints = await RunAsync(slot, cancellationToken);
        // A restart must come back where the others already point.
        values["Endpoints:Main"] = endpoints.MainUri.ToString();
        values["Endpoints:Management"] = endpoints.ManagementUri.ToString();
        return endpoints.MainUri;
    }

    /// <summary>
    /// Each service would otherwise take the working directory as its content root and watch it,
    /// recursively, for appsettings changes; the data folder lives there by default, so every SQLite
    /// write woke four file watchers. The embedded services have no settings files: root them at the
    /// binaries and watch nothing.
    /// </summary>
    internal static readonly string[] HostArguments =
        [$"--contentRoot={AppContext.BaseDirectory}", "--hostBuilder:reloadConfigOnChange=false"];

    private static async Task<ServiceEndpoints> RunAsync(ServiceSlot slot, CancellationToken cancellationToken)
    {
        var app = slot.Create(HostArguments, builder => builder.Configuration.AddInMemoryCollection(slot.Settings));
        slot.App = app;
        await app.StartAsync(cancellationToken);
        return app.Services.GetRequiredService<ServiceEndpoints>();
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
        for (var i = _slots.Count - 1; i >= 0; i--)
        {
            await StopServiceAsync(_slots[i].Name);
        }
        _slots.Clear();
    }
}
