using Identity.ScimEdge.Auth;
using Identity.ScimEdge.Errors;
using Identity.ScimEdge.IdpProfiles;
using Identity.ScimEdge.Tenancy;

namespace Identity.ScimEdge.ProvisioningLog;

/// <summary>
/// Records every authenticated SCIM request in the <see cref="ProvisioningLogBuffer"/>. It runs
/// around the whole pipeline (outside the timeout and the SCIM filters) so it sees the final
/// status, and it reads the tenant from the <see cref="ScimTenant"/> feature the auth filter set:
/// a request without a valid token belongs to no tenant and is not recorded.
/// </summary>
internal sealed class ProvisioningLogMiddleware(RequestDelegate next, ProvisioningLogBuffer buffer, TenantSettingsCache tenants,
    TimeProvider time, ILogger<ProvisioningLogMiddleware> logger)
{
    private const string ScimSegment = "/scim/v2";
    private const int MaxUserAgentLength = 120;
    private const int MaxRequestIdLength = 100;

    public async Task InvokeAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        var scimAt = path.IndexOf(ScimSegment, StringComparison.OrdinalIgnoreCase);
        if (scimAt < 0)
        {
            await next(http);
            return;
        }
        var started = time.GetUtcNow();
        var startTimestamp = time.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            if (http.Features.Get<ScimTenant>() is { } tenant)
            {
                await RecordAsync(http, tenant.TenantId, path[(scimAt + ScimSegment.Length)..], started, time.GetElapsedTime(startTimestamp));
            }
        }
    }

    private async Task RecordAsync(HttpContext http, string tenantId, string scimPath, DateTimeOffset started, TimeSpan elapsed)
    {
        try
        {
            var error = http.Features.Get<ScimErrorFeature>();
            var (resourceType, resourceId) = ResourceOf(scimPath, http.Response.Headers.Location.ToString());
            var stored = await IdpProfileAsync(tenantId);
            // Handlers set the feature; routes that never load the tenant (discovery) resolve it here.
            var answering = http.Features.Get<ResolvedIdpProfile>() ?? ResolvedIdpProfile.Resolve(stored, http.Request);
            var entry = new ProvisioningLogEntry(
                started,
                RequestId(http),
                Truncate(http.Request.Headers.UserAgent.ToString(), MaxUserAgentLength),
                stored,
                http.Request.Method,
                ProvisioningRedaction.RedactPath(http.Request.Path.Value ?? ""),
                ProvisioningRedaction.DescribeQuery(http.Request.Query),
                http.Response.StatusCode,
                Math.Round(elapsed.TotalMilliseconds, 1),
                error?.ScimType,
                error is null ? null : ProvisioningRedaction.RedactDetail(error.Detail),
                resourceType,
                resourceId)
            {
                AnsweringProfile = answering.Label,
                MatchingAttribute = answering.Profile.MatchingAttribute,
            };
            buffer.Add(tenantId, entry);
        }
        catch (Exception ex)
        {
            // Losing one troubleshooting entry must never fail or delay the IdP's request further.
            logger.ProvisioningLogFailed(tenantId, ex);
        }
    }

    /// <summary>The handler has usually loaded the settings already, so this is a cache hit; a Directory blip leaves it empty.</summary>
    private async Task<string> IdpProfileAsync(string tenantId)
    {
        if (tenants.TryGetCached(tenantId, out var cached))
        {
            // The usual case, and no timer to arm for it.
            return cached.IdpProfile;
        }
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            return (await tenants.GetAsync(tenantId, bounded.Token)).IdpProfile;
        }
        catch (Exception ex) when (ex is Grpc.Core.RpcException or OperationCanceledException)
        {
            return "";
        }
    }

    private static (string? Type, string? Id) ResourceOf(string scimPath, string location)
    {
        // scimPath is what follows /scim/v2: "/Users/abc", "/Groups", "/Bulk", "/Users/.search".
        var segments = scimPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return (null, null);
        }
        var type = Truncate(segments[0], 40);
        var id = segments.Length > 1 && !segments[1].StartsWith('.') ? segments[1] : null;
        if (id is null && location.Length > 0)
        {
            // A create names the new resource only in its Location header.
            id = location.TrimEnd('/').Split('/')[^1];
        }
        return (ProvisioningRedaction.RedactPath(type), id is null ? null : ProvisioningRedaction.RedactPath(Uri.UnescapeDataString(Truncate(id, 100))));
    }

    private static string RequestId(HttpContext http)
    {
        var header = http.Request.Headers["X-Request-Id"].ToString();
        return header.Length is > 0 and <= MaxRequestIdLength ? ProvisioningRedaction.RedactPath(header) : http.TraceIdentifier;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
