using Identity.Contracts.Common.V1;
using Identity.Contracts.Directory.V1;
using Identity.ScimEdge.IdpProfiles;

namespace Identity.ScimEdge.Admin;

/// <summary>What every admin handler does before its RPC: name the actor, check the tenant.</summary>
internal static class AdminCalls
{
    private const int MaxRequestIdLength = 100;
    private const int MaxUserAgentLength = 200;

    /// <summary>The audit trail records "admin" as the actor, under the caller's request id.</summary>
    public static MutationContext Mutation(HttpContext http)
    {
        var requestId = http.Request.Headers["X-Request-Id"].ToString();
        var userAgent = http.Request.Headers.UserAgent.ToString();
        return new MutationContext
        {
            Actor = "admin",
            RequestId = requestId.Length is > 0 and <= MaxRequestIdLength ? requestId : http.TraceIdentifier,
            UserAgent = userAgent.Length <= MaxUserAgentLength ? userAgent : userAgent[..MaxUserAgentLength],
        };
    }

    /// <summary>
    /// GroupRole and token listings know nothing of tenants, so an unknown tenant would look
    /// empty there; asking Directory first turns a typo into a 404.
    /// </summary>
    public static async Task<Tenant> RequireTenantAsync(DirectoryService.DirectoryServiceClient directory, string tenantId, CancellationToken cancellationToken)
    {
        RequireId(tenantId, "tenantId");
        return (await directory.GetTenantAsync(new GetTenantRequest { TenantId = tenantId }, cancellationToken: cancellationToken)).Tenant;
    }

    /// <summary>Ids in admin URLs are short and printable; anything else is a 400 before any RPC.</summary>
    public static void RequireId(string value, string name)
    {
        if (value.Length is 0 or > 128 || value.Any(char.IsControl))
        {
            throw AdminException.BadRequest($"{name} must be 1-128 printable characters.");
        }
    }

    public static string? Optional(string? value, string name, int maxLength)
    {
        if (value is null)
        {
            return null;
        }
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength || trimmed.Any(char.IsControl))
        {
            throw AdminException.BadRequest($"{name} must be at most {maxLength} printable characters.");
        }
        return trimmed;
    }

    /// <summary>
    /// A tenant's idpProfile in its canonical spelling, null when left out or empty (Directory then keeps
    /// the stored one, or stores auto); a name no profile has is a 400 that lists the valid ones, since a
    /// stored typo would silently answer every request with auto-detection.
    /// </summary>
    public static string? IdpProfile(string? value)
    {
        var name = Optional(value, "idpProfile", 64);
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }
        return IdpProfileCatalog.Canonical(name)
            ?? throw AdminException.BadRequest($"idpProfile '{name}' is not a known profile; use one of: {string.Join(", ", IdpProfileCatalog.Names)}.");
    }
}
