using System.ComponentModel.DataAnnotations;

namespace Identity.ServiceDefaults.Discovery.Consul;

/// <summary>
/// How a service talks to its local Consul agent. Bound from <c>Consul</c> (<c>Consul__Address</c>);
/// used for registration when <c>Discovery__Provider=Consul</c> and for every <c>consul://name</c> address.
/// </summary>
public sealed class ConsulOptions
{
    public const string SectionName = "Consul";

    /// <summary>The agent's HTTP API, e.g. <c>http://127.0.0.1:8500</c> (the node-local agent).</summary>
    [Required(ErrorMessage = "Consul__Address is required.")]
    public string Address { get; set; } = "http://127.0.0.1:8500";

    /// <summary>Sent as <c>X-Consul-Token</c>; needs <c>service:write</c> and <c>service:read,node:read</c>. A secret: never logged.</summary>
    public string? AclToken { get; set; }

    /// <summary>How long one blocking health query may wait for a change (Consul caps it at 10 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Consul__WatchWait must be between 00:00:01 and 00:10:00.")]
    public TimeSpan WatchWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The address registered for this instance; unset means the first non-loopback IPv4 address, else 127.0.0.1.</summary>
    public string? ServiceAddress { get; set; }

    /// <summary>Tags registered with this instance (<c>Consul__Tags__0</c>).</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>Consul removes an instance whose check has been critical this long (a crashed pod that never deregistered).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Consul__DeregisterCriticalServiceAfter must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan DeregisterCriticalServiceAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the agent probes <c>/health/ready</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Consul__CheckInterval must be between 00:00:01 and 00:10:00.")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one probe may take before it counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "Consul__CheckTimeout must be between 00:00:00.100 and 00:01:00.")]
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
