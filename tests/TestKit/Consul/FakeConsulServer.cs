using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Identity.TestKit.Consul;

/// <summary>
/// A Consul agent's HTTP API, as far as the suite uses it, on a real Kestrel listener on 127.0.0.1:
/// register, deregister, <c>/v1/health/service/{name}</c> with blocking queries (held until the index
/// passes the requested one or <c>wait</c> elapses), answering with the JSON shapes Consul documents.
/// Checks are not run on their own: a test sets their status, or calls <see cref="RunHttpChecksAsync"/>.
/// State survives <see cref="StopAsync"/> / <see cref="RestartAsync"/>, as a real agent's local services do.
/// </summary>
public sealed partial class FakeConsulServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeConsulService> _services = new(StringComparer.Ordinal);
    private readonly List<FakeConsulRequest> _requests = [];
    private TaskCompletionSource _changed = NewSignal();
    private ulong _index;
    private WebApplication? _app;
    private CancellationTokenSource? _running;

    private FakeConsulServer(string? requiredToken, ulong firstIndex)
    {
        RequiredToken = requiredToken;
        _index = firstIndex;
    }

    /// <summary>When set, every request without this <c>X-Consul-Token</c> gets 403 "Permission denied".</summary>
    public string? RequiredToken { get; }

    public int Port { get; private set; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public bool IsRunning => _app is not null;

    /// <summary>The current Raft-like index (what <c>X-Consul-Index</c> answers).</summary>
    public ulong Index
    {
        get { lock (_gate) { return _index; } }
    }

    public IReadOnlyList<FakeConsulRequest> Requests
    {
        get { lock (_gate) { return _requests.ToList(); } }
    }

    /// <summary>The IDs of the registered services.</summary>
    public IReadOnlyList<string> ServiceIds
    {
        get { lock (_gate) { return _services.Keys.Order(StringComparer.Ordinal).ToList(); } }
    }

    public static async Task<FakeConsulServer> StartAsync(string? requiredToken = null, ulong firstIndex = 10)
    {
        var server = new FakeConsulServer(requiredToken, firstIndex);
        await server.LaunchAsync(port: 0);
        return server;
    }

    /// <summary>The register body of <paramref name="serviceId"/> exactly as received, or null.</summary>
    public JsonObject? FindRegistration(string serviceId)
    {
        lock (_gate)
        {
            return _services.TryGetValue(serviceId, out var service) ? (JsonObject)service.Body.DeepClone() : null;
        }
    }

    /// <summary>Sets the service check's status ("passing", "warning", "critical"), as the agent would after a probe.</summary>
    public void SetCheckStatus(string serviceId, string status)
    {
        if (!TrySetCheckStatus(serviceId, status))
        {
            throw new InvalidOperationException($"No service '{serviceId}' is registered.");
        }
    }

    private bool TrySetCheckStatus(string serviceId, string status)
    {
        lock (_gate)
        {
            if (!_services.TryGetValue(serviceId, out var service))
            {
                return false;
            }
            if (service.Status != status)
            {
                service.Status = status;
                BumpLocked();
            }
            return true;
        }
    }

    /// <summary>Probes every registered HTTP check once: 2xx passing, 429 warning, anything else critical.</summary>
    public async Task RunHttpChecksAsync(CancellationToken cancellationToken = default)
    {
        List<(string Id, string Url)> checks;
        lock (_gate)
        {
            checks = _services.Values.Where(s => s.CheckUrl is not null).Select(s => (s.Id, s.CheckUrl!)).ToList();
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var (id, url) in checks)
        {
            string status;
            try
            {
                using var response = await http.GetAsync(new Uri(url), cancellationToken);
                status = response.IsSuccessStatusCode ? "passing" : response.StatusCode == HttpStatusCode.TooManyRequests ? "warning" : "critical";
            }
            catch (HttpRequestException)
            {
                status = "critical";
            }
            TrySetCheckStatus(id, status);
        }
    }

    /// <summary>Stops listening; held blocking queries are dropped as a dying agent drops them.</summary>
    public async Task StopAsync()
    {
        if (_app is null)
        {
            return;
        }
        await _running!.CancelAsync();
        await _app.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await _app.DisposeAsync();
        _running.Dispose();
        _app = null;
    }

    /// <summary>
    /// Listens again on the same port with the same services. <paramref name="resetIndex"/> makes the index
    /// start over below what clients hold (a rebuilt cluster), which Consul tells clients to handle.
    /// </summary>
    public async Task RestartAsync(bool resetIndex = false)
    {
        await StopAsync();
        if (resetIndex)
        {
            lock (_gate)
            {
                _index = 1;
            }
        }
        await LaunchAsync(Port);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task LaunchAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseSetting("preventHostingStartup", "true");
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        _running = new CancellationTokenSource();
        app.MapPut("/v1/agent/service/register", RegisterAsync);
        app.MapPut("/v1/agent/service/deregister/{id}", DeregisterAsync);
        app.MapGet("/v1/health/service/{name}", HealthServiceAsync);
        app.MapGet("/v1/status/leader", (HttpContext context) => WriteJsonAsync(context, JsonValue.Create("127.0.0.1:8300")));
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(bound).Port;
        _app = app;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void BumpLocked()
    {
        _index++;
        _changed.TrySetResult();
        _changed = NewSignal();
    }

    private async Task<bool> AdmitAsync(HttpContext context)
    {
        var token = context.Request.Headers["X-Consul-Token"].FirstOrDefault();
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        lock (_gate)
        {
            _requests.Add(new FakeConsulRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "", token, body));
        }
        context.Items["body"] = body;
        if (RequiredToken is not null && token != RequiredToken)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("Permission denied", context.RequestAborted);
            return false;
        }
        return true;
    }

    private static Task WriteJsonAsync(HttpContext context, JsonNode? node)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(node?.ToJsonString() ?? "null", context.RequestAborted);
    }

    internal static TimeSpan ParseGoDuration(string? text, TimeSpan fallback)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }
        var match = GoDurationPattern().Match(text);
        if (!match.Success)
        {
            return fallback;
        }
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(value),
            "s" or "" => TimeSpan.FromSeconds(value),
            "m" => TimeSpan.FromMinutes(value),
            "h" => TimeSpan.FromHours(value),
            _ => fallback,
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d+(?:\.\d+)?)(ms|s|m|h)?$")]
    private static partial System.Text.RegularExpressions.Regex GoDurationPattern();
}
