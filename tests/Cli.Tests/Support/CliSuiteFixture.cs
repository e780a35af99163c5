using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Identity.DevHost;
using Identity.ServiceDefaults.Hosting;
using Identity.TestKit;

namespace Identity.Cli.Tests.Support;

/// <summary>The whole suite in-process on loopback ports chosen by the OS, with its data in a temp folder; the CLI's target.</summary>
public sealed class CliSuiteFixture : IAsyncLifetime
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "identity-cli-" + Guid.NewGuid().ToString("N")[..12]);

    public EmbeddedSuite Suite { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The edge's URL as the CLI takes it (--url / IDENTITY_URL).</summary>
    public string EdgeUrl => Suite.ScimUri.ToString().TrimEnd('/');

    public string ScimBase => Suite.ScimBaseUri.ToString();

    /// <summary>Revocation's management listener, where POST /admin/reconcile lives.</summary>
    public Uri RevocationManagementUri => Suite.Apps
        .Select(app => app.Services.GetService(typeof(ServiceEndpoints)) as ServiceEndpoints)
        .Single(endpoints => endpoints?.MainUri == Suite.RevocationUri)!.ManagementUri;

    public async Task InitializeAsync()
    {
        Suite = await EmbeddedSuite.StartAsync(new DevHostOptions
        {
            ScimPort = 0, ScimManagementPort = 0,
            DirectoryPort = 0, DirectoryManagementPort = 0,
            GroupRolePort = 0, GroupRoleManagementPort = 0,
            RevocationPort = 0, RevocationManagementPort = 0,
            DataDirectory = DataDirectory,
            BootstrapTenant = "cli-bootstrap",
            BootstrapToken = "cli-bootstrap-token-0123456789abcdef",
        }).WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>A new tenant through the admin API, with a SCIM token for it.</summary>
    public async Task<(string TenantId, string Token)> NewTenantAsync(string? idpProfile = null)
    {
        var tenant = TestTenant.New();
        var body = new JsonObject { ["tenantId"] = tenant };
        if (idpProfile is not null)
        {
            body["idpProfile"] = idpProfile;
        }
        await AdminAsync(HttpMethod.Post, "/admin/tenants", body);
        var issued = await AdminAsync(HttpMethod.Post, $"/admin/tenants/{tenant}/tokens", new JsonObject { ["description"] = "cli test" });
        return (tenant, issued!["secret"]!.GetValue<string>());
    }

    public async Task<JsonNode?> AdminAsync(HttpMethod method, string path, JsonObject? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(Suite.ScimUri, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Suite.AdminKey);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        using var response = await Http.SendAsync(request).WithTimeout();
        var text = await response.Content.ReadAsStringAsync().WithTimeout();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text);
    }

    /// <summary>A SCIM request with a tenant's token: status and parsed body.</summary>
    public async Task<(int Status, JsonNode? Body)> ScimAsync(string token, HttpMethod method, string path, JsonObject? body = null)
    {
        using var request = new HttpRequestMessage(method, ScimBase.TrimEnd('/') + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/scim+json");
        }
        using var response = await Http.SendAsync(request).WithTimeout();
        var text = await response.Content.ReadAsStringAsync().WithTimeout();
        return ((int)response.StatusCode, string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text));
    }

    /// <summary>How many users and groups the tenant holds, read through SCIM.</summary>
    public async Task<(int Users, int Groups)> CountAsync(string token)
    {
        var (_, users) = await ScimAsync(token, HttpMethod.Get, "/Users?count=1");
        var (_, groups) = await ScimAsync(token, HttpMethod.Get, "/Groups?count=1");
        return (users!["totalResults"]!.GetValue<int>(), groups!["totalResults"]!.GetValue<int>());
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
public sealed class CliSuiteCollection : ICollectionFixture<CliSuiteFixture>
{
    public const string Name = "cli-suite";
}
