namespace Identity.ScimEdge.IdpProfiles;

/// <summary>The profiles a tenant's <c>idpProfile</c> can name; <c>auto</c> (or empty) detects one per request.</summary>
public static class IdpProfileCatalog
{
    public const string Auto = "auto";

    /// <summary>Entra matches on userName by default, externalId when the admin changes the matching precedence.</summary>
    public static IdpProfile Entra { get; } = new("entra", "userName/externalId", LenientAttributes: false, UpsertThroughValueFilter: true);

    /// <summary>Okta's existence check is <c>userName eq</c> (configurable only for OIN apps).</summary>
    public static IdpProfile Okta { get; } = new("okta", "userName", LenientAttributes: false);

    /// <summary>Google's catalog apps: the probe is <c>GET /Users?count=1</c>; matching on userName is our assumption.</summary>
    public static IdpProfile Google { get; } = new("google", "userName", LenientAttributes: false);

    /// <summary>
    /// OneLogin sends a customer-authored JSON template: SCIM 1.1 URNs, misspelled attributes
    /// ("prefferedLanguage"), <c>"id": null</c> — unknown attributes are dropped, not refused.
    /// </summary>
    public static IdpProfile OneLogin { get; } = new("onelogin", "userName", LenientAttributes: true);

    /// <summary>JumpCloud's custom SCIM connector; matching on userName is our assumption.</summary>
    public static IdpProfile JumpCloud { get; } = new("jumpcloud", "userName", LenientAttributes: false);

    /// <summary>
    /// PingOne's SCIM outbound connection and PingFederate's SCIM Provisioner (docs/ping-identity.md): both
    /// look users up with the configured filter expression, <c>userName eq</c> by default, and update users by
    /// full PUT; everything they send is already handled for every tenant, so no tolerance is switched on.
    /// </summary>
    public static IdpProfile Ping { get; } = new("ping", "userName", LenientAttributes: false);

    /// <summary>Anything else: the RFC, with the dialect tolerances every tenant gets.</summary>
    public static IdpProfile Generic { get; } = new("generic", "userName", LenientAttributes: false);

    public static IReadOnlyList<IdpProfile> All { get; } = [Entra, Okta, Google, OneLogin, JumpCloud, Ping, Generic];

    /// <summary>Every name a tenant's <c>idpProfile</c> may hold: <c>auto</c> and each profile's name.</summary>
    public static IReadOnlyList<string> Names { get; } = [Auto, .. All.Select(p => p.Name)];

    /// <summary>The named profile, or null for <c>auto</c>, empty and names we do not know.</summary>
    public static IdpProfile? Find(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : All.FirstOrDefault(p => p.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The canonical spelling of a name a tenant may store (<c>Ping</c> → <c>ping</c>), or null when the
    /// name is neither <c>auto</c> nor a profile's, so the admin API can refuse it instead of storing a typo.
    /// </summary>
    public static string? Canonical(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Names.FirstOrDefault(known => known.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
