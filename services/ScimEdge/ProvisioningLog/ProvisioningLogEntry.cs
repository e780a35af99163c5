namespace Identity.ScimEdge.ProvisioningLog;

/// <summary>
/// One SCIM request as the provisioning log keeps it. The fields are an allow-list: no body,
/// token, email or name ever gets here; <see cref="ProvisioningRedaction"/> scrubs the free text.
/// </summary>
/// <param name="Time">When the request arrived (UTC).</param>
/// <param name="RequestId">The IdP's X-Request-Id, or the server's trace identifier.</param>
/// <param name="UserAgent">The IdP's User-Agent, truncated.</param>
/// <param name="IdpProfile">The tenant's IdP profile setting when the request ran (auto, okta, ...).</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">The request path without its query.</param>
/// <param name="Query">Query parameter names, plus the filter with every quoted value replaced by "…".</param>
/// <param name="Status">The HTTP status answered.</param>
/// <param name="DurationMs">Time from arrival to the end of the response, in milliseconds.</param>
/// <param name="ScimType">The SCIM error type, for errors that have one.</param>
/// <param name="Detail">The error detail, scrubbed of quoted values and addresses.</param>
/// <param name="ResourceType">Users, Groups, Bulk, ... when the path names one.</param>
/// <param name="ResourceId">The resource's id when the path or the Location header names it.</param>
public sealed record ProvisioningLogEntry(
    DateTimeOffset Time,
    string RequestId,
    string UserAgent,
    string IdpProfile,
    string Method,
    string Path,
    string? Query,
    int Status,
    double DurationMs,
    string? ScimType,
    string? Detail,
    string? ResourceType,
    string? ResourceId)
{
    /// <summary>The profile that answered: <c>okta</c> when the tenant names it, <c>auto:okta</c> when detected from the headers.</summary>
    public string? AnsweringProfile { get; init; }

    /// <summary>The attribute that profile's IdP matches existing users on (userName, userName/externalId).</summary>
    public string? MatchingAttribute { get; init; }
}
