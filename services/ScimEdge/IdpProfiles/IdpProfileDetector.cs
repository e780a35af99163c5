namespace Identity.ScimEdge.IdpProfiles;

/// <summary>
/// Recognises the IdP of a SCIM request from its headers, for tenants on <c>auto</c>. Evidence
/// (docs/idp-dialects.md): Entra sends an <c>Adscimversion</c> header (what bitwarden/server's
/// ScimContext keys on); Okta's User-Agent is <c>Okta SCIM Client 1.0.0</c> (Okta's SCIM 2.0 docs).
/// The other rules are guesses, marked below: no public source states those User-Agents, so a
/// tenant whose IdP is not recognised should set its profile explicitly.
/// </summary>
public static class IdpProfileDetector
{
    public const string EntraVersionHeader = "Adscimversion";

    private static readonly string[] PingProductNames = ["PingOne", "PingFederate", "Ping Identity", "PingIdentity"];

    public static IdpProfile Detect(string? userAgent, IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var agent = userAgent ?? "";
        if (headers.ContainsKey(EntraVersionHeader))
        {
            return IdpProfileCatalog.Entra;
        }
        if (agent.StartsWith("Okta SCIM Client", StringComparison.OrdinalIgnoreCase))
        {
            return IdpProfileCatalog.Okta;
        }
        // Guess: Entra's provisioning agent names Microsoft / Azure AD / Azure Active Directory in its User-Agent.
        if (agent.Contains("Azure AD", StringComparison.OrdinalIgnoreCase) || agent.Contains("Azure Active Directory", StringComparison.OrdinalIgnoreCase)
            || agent.Contains("Microsoft", StringComparison.OrdinalIgnoreCase))
        {
            return IdpProfileCatalog.Entra;
        }
        // Guesses: the vendor's name appears in its User-Agent.
        if (agent.Contains("OneLogin", StringComparison.OrdinalIgnoreCase))
        {
            return IdpProfileCatalog.OneLogin;
        }
        if (agent.Contains("JumpCloud", StringComparison.OrdinalIgnoreCase))
        {
            return IdpProfileCatalog.JumpCloud;
        }
        if (agent.Contains("Google", StringComparison.OrdinalIgnoreCase))
        {
            return IdpProfileCatalog.Google;
        }
        // Guess as well (docs/ping-identity.md): Ping documents no User-Agent for PingOne's SCIM outbound
        // connection or PingFederate's SCIM Provisioner, nor any other identifying header; only a product
        // name is taken, never a bare "Ping", which too many other agents contain.
        if (PingProductNames.Any(name => agent.Contains(name, StringComparison.OrdinalIgnoreCase)))
        {
            return IdpProfileCatalog.Ping;
        }
        return IdpProfileCatalog.Generic;
    }
}
