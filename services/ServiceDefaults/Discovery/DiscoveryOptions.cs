namespace Identity.ServiceDefaults.Discovery;

/// <summary>
/// How services find each other. Bound from <c>Discovery</c>. A downstream address is either a
/// plain <c>http://host:port</c>, <c>static://name</c> (looked up in <see cref="Static"/>, several
/// comma-separated addresses balanced round-robin) or <c>consul://name</c> (Consul discovery).
/// </summary>
public sealed class DiscoveryOptions
{
    public const string SectionName = "Discovery";

    /// <summary>"Static" (default) or "Consul".</summary>
    public string Provider { get; set; } = "Static";

    /// <summary>Logical service name to comma-separated http:// addresses (<c>Discovery__Static__directory</c>).</summary>
    public Dictionary<string, string> Static { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
