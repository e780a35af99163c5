using System.Net;
using Microsoft.Extensions.Options;

namespace Identity.ServiceDefaults.Discovery.Consul;

/// <summary>What data annotations cannot say: the address is an http(s) URL and the service address an IP.</summary>
internal sealed class ConsulOptionsValidator : IValidateOptions<ConsulOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsulOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Address, UriKind.Absolute, out var address)
            || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"Consul__Address must be an http:// or https:// URL such as http://127.0.0.1:8500, not '{options.Address}'.");
        }
        if (!string.IsNullOrWhiteSpace(options.ServiceAddress) && !IPAddress.TryParse(options.ServiceAddress, out _))
        {
            failures.Add($"Consul__ServiceAddress must be an IP address, not '{options.ServiceAddress}'.");
        }
        if (options.Tags.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("Consul__Tags must not contain empty tags.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
