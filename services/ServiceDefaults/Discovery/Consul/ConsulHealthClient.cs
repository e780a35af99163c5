using System.Globalization;
using System.Net.Http.Json;

namespace Identity.ServiceDefaults.Discovery.Consul;

/// <summary><c>GET /v1/health/service/{name}?passing=true</c>, plain or as a blocking query.</summary>
internal sealed class ConsulHealthClient(HttpClient http, ConsulOptions options)
{
    // Consul adds up to wait/16 of jitter before answering a blocking query; allow that and a margin.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(10);

    public ConsulOptions Options => options;

    /// <summary>
    /// The instances of <paramref name="service"/> whose checks all pass. With <paramref name="index"/> above 0
    /// the agent holds the request until the data changes past that index or <paramref name="wait"/> elapses;
    /// with 0 it answers at once.
    /// </summary>
    public async Task<ConsulHealthResult> GetPassingAsync(string service, ulong index, TimeSpan wait, CancellationToken cancellationToken)
    {
        var uri = "v1/health/service/" + Uri.EscapeDataString(service) + "?passing=true";
        if (index > 0)
        {
            uri += "&index=" + index.ToString(CultureInfo.InvariantCulture) + "&wait=" + GoDuration.Format(wait);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter((index > 0 ? wait + wait / 16 : TimeSpan.Zero) + Margin);
        using var request = ConsulHttp.Request(HttpMethod.Get, uri, options);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.EnsureSuccessStatusCode();
        var entries = await response.Content.ReadFromJsonAsync(ConsulJsonContext.Default.ListConsulServiceEntry, timeout.Token) ?? [];
        return new ConsulHealthResult(entries, ConsulHttp.ReadIndex(response));
    }
}
