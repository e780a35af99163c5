using Grpc.Net.Client;
using Identity.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.TestKit;

/// <summary>A real service on 127.0.0.1 port 0, with a gRPC channel and an HTTP client pointed at it.</summary>
public sealed class LoopbackService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackService(WebApplication app, ServiceEndpoints endpoints)
    {
        _app = app;
        MainUri = endpoints.MainUri;
        ManagementUri = endpoints.ManagementUri;
        Channel = GrpcChannel.ForAddress(MainUri);
        MainClient = new HttpClient { BaseAddress = MainUri, Timeout = TimeSpan.FromSeconds(30) };
        ManagementClient = new HttpClient { BaseAddress = ManagementUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri MainUri { get; }

    public Uri ManagementUri { get; }

    public GrpcChannel Channel { get; }

    /// <summary>HTTP/1.1 client on the main port (for the SCIM edge).</summary>
    public HttpClient MainClient { get; }

    public HttpClient ManagementClient { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts <paramref name="app"/> (built with the Identity defaults, which listen on port 0 unless told otherwise).</summary>
    public static async Task<LoopbackService> StartAsync(WebApplication app)
    {
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return new LoopbackService(app, app.Services.GetRequiredService<ServiceEndpoints>());
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        MainClient.Dispose();
        ManagementClient.Dispose();
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await _app.StopAsync(stopping.Token);
        }
        await _app.DisposeAsync();
    }
}
