using System.Globalization;

namespace Identity.ServiceDefaults.Discovery.Consul;

/// <summary>The one HttpClient both Consul clients share, and the request shape they have in common.</summary>
internal static class ConsulHttp
{
    public const string TokenHeader = "X-Consul-Token";
    public const string IndexHeader = "X-Consul-Index";

    /// <summary>
    /// A long-lived client: no HttpClient-wide timeout, because a blocking query legitimately hangs for
    /// up to <see cref="ConsulOptions.WatchWait"/> plus Consul's jitter; each call bounds itself instead.
    /// </summary>
    public static HttpClient CreateClient(ConsulOptions options) =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = new Uri(options.Address.TrimEnd('/') + "/", UriKind.Absolute),
            Timeout = Timeout.InfiniteTimeSpan,
        };

    public static HttpRequestMessage Request(HttpMethod method, string relativeUri, ConsulOptions options)
    {
        var request = new HttpRequestMessage(method, new Uri(relativeUri, UriKind.Relative));
        if (!string.IsNullOrEmpty(options.AclToken))
        {
            request.Headers.TryAddWithoutValidation(TokenHeader, options.AclToken);
        }
        return request;
    }

    public static ulong ReadIndex(HttpResponseMessage response) =>
        response.Headers.TryGetValues(IndexHeader, out var values)
        && ulong.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : 0;
}
