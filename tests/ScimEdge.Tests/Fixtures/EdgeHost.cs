using Identity.DevHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Identity.ServiceDefaults.Hosting;

namespace Identity.ScimEdge.Tests.Fixtures;

/// <summary>
/// A second SCIM edge in front of the shared suite's services, for settings the shared edge
/// must not have (tiny rate limits, a short timeout, a fake clock, no admin key).
/// </summary>
public sealed class EdgeHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EdgeHost(WebApplication app, HttpClient http, string adminKey)
    {
        _app = app;
        Http = http;
        Admin = new AdminClient(http, adminKey);
    }

    public HttpClient Http { get; }

    public AdminClient Admin { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<EdgeHost> StartAsync(EmbeddedSuite suite, IDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Endpoints:Main"] = "http://127.0.0.1:0",
            ["Endpoints:Management"] = "http://127.0.0.1:0",
            ["Downstream:Directory"] = suite.DirectoryUri.ToString(),
            ["Downstream:GroupRole"] = suite.GroupRoleUri.ToString(),
            ["Downstream:Revocation"] = suite.RevocationUri.ToString(),
            ["Admin:ApiKey"] = EdgeSuiteFixture.AdminKey,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var app = ScimEdgeApp.Create([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(values);
            configure?.Invoke(builder);
        });
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var http = new HttpClient { BaseAddress = app.Services.GetRequiredService<ServiceEndpoints>().MainUri, Timeout = TimeSpan.FromSeconds(30) };
        return new EdgeHost(app, http, values["Admin:ApiKey"] ?? "");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }
}
