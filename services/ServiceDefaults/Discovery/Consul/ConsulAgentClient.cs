using System.Net;
using System.Net.Http.Json;

namespace Identity.ServiceDefaults.Discovery.Consul;

/// <summary>The agent endpoints a service uses to announce itself: register and deregister.</summary>
internal sealed class ConsulAgentClient(HttpClient http, ConsulOptions options)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    /// <summary><c>PUT /v1/agent/service/register</c>; registering the same ID again replaces it.</summary>
    public async Task RegisterAsync(ConsulServiceRegistration registration, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CallTimeout);
        using var request = ConsulHttp.Request(HttpMethod.Put, "v1/agent/service/register", options);
        request.Content = JsonContent.Create(registration, ConsulJsonContext.Default.ConsulServiceRegistration);
        using var response = await http.SendAsync(request, timeout.Token);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// <c>PUT /v1/agent/service/deregister/{id}</c>. Older agents answer 200 for an unknown ID, newer
    /// ones 404 "Unknown service ID": either way the instance is gone, which is all a caller wants.
    /// </summary>
    public async Task DeregisterAsync(string serviceId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CallTimeout);
        using var request = ConsulHttp.Request(HttpMethod.Put, "v1/agent/service/deregister/" + Uri.EscapeDataString(serviceId), options);
        using var response = await http.SendAsync(request, timeout.Token);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            response.EnsureSuccessStatusCode();
        }
    }
}
