namespace Identity.ScimEdge.Tenancy;

/// <summary>What the edge needs to know about a tenant to answer its IdP.</summary>
public sealed record TenantSettings(string TenantId, string IdpProfile, bool LenientAttributes);
