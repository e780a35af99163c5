namespace Identity.ScimEdge.Auth;

/// <summary>The tenant a request's bearer token belongs to; set by <see cref="ScimAuthFilter"/>.</summary>
public sealed record ScimTenant(string TenantId, string TokenId);
