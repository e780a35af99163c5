using Identity.ScimEdge.Auth;
using Identity.ScimEdge.IdpProfiles;
using Identity.ScimEdge.Settings;
using Identity.ScimEdge.Tenancy;
using Microsoft.Extensions.Options;

namespace Identity.ScimEdge.Callers;

/// <summary>Builds the <see cref="ScimRequestContext"/> of an authenticated SCIM request.</summary>
public sealed class ScimRequestContextFactory(TenantSettingsCache tenants, IOptions<ScimOptions> options)
{
    public async Task<ScimRequestContext> CreateAsync(HttpContext http)
    {
        var tenant = http.Features.Get<ScimTenant>() ?? throw new InvalidOperationException("SCIM handlers run behind ScimAuthFilter.");
        var settings = await tenants.GetAsync(tenant.TenantId, http.RequestAborted);
        // The profile that answers: the tenant's, or detected from the headers on 'auto'. The
        // provisioning log reads it from this feature.
        var profile = ResolvedIdpProfile.Resolve(settings.IdpProfile, http.Request);
        http.Features.Set(profile);
        var requestId = http.Request.Headers["X-Request-Id"].ToString();
        if (string.IsNullOrEmpty(requestId) || requestId.Length > 100)
        {
            requestId = http.TraceIdentifier;
        }
        return new ScimRequestContext(
            tenant.TenantId,
            tenant.TokenId,
            ScimBaseUrl.Of(http.Request, options.Value.PublicBaseUrl),
            requestId,
            http.Request.Headers.UserAgent.ToString(),
            settings.LenientAttributes || profile.Profile.LenientAttributes,
            profile.Profile.UpsertThroughValueFilter,
            options.Value.MaxValuesPerAttribute);
    }
}
