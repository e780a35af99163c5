using Grpc.Core;
using Identity.ScimEdge.Errors;

namespace Identity.ScimEdge.Auth;

/// <summary>
/// Every SCIM route needs a bearer token of the tenant it addresses: the token decides the
/// tenant, and an explicit /tenants/{tenantId} prefix must agree with it.
/// </summary>
internal sealed class ScimAuthFilter(BearerTokenAuthenticator authenticator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var secret = ReadBearer(http.Request.Headers.Authorization.ToString());
        if (secret is null)
        {
            return new ScimErrorResult(StatusCodes.Status401Unauthorized, null, "Send the tenant's SCIM token as 'Authorization: Bearer <token>'.");
        }
        ScimTenant? tenant;
        try
        {
            tenant = await authenticator.AuthenticateAsync(secret, http.RequestAborted);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            return new ScimErrorResult(StatusCodes.Status503ServiceUnavailable, null, "The directory is unavailable; retry shortly.", TimeSpan.FromSeconds(5));
        }
        if (tenant is null)
        {
            return new ScimErrorResult(StatusCodes.Status401Unauthorized, null, "The bearer token is unknown, revoked or expired.");
        }
        if (http.Request.RouteValues.TryGetValue("tenantId", out var routeTenant)
            && !string.Equals(routeTenant as string, tenant.TenantId, StringComparison.Ordinal))
        {
            return new ScimErrorResult(StatusCodes.Status401Unauthorized, null, "The bearer token does not belong to the tenant in the URL.");
        }
        http.Features.Set(tenant);
        return await next(context);
    }

    private static string? ReadBearer(string header)
    {
        const string scheme = "Bearer ";
        if (header.Length <= scheme.Length || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var token = header[scheme.Length..].Trim();
        return token.Length is > 0 and <= 512 ? token : null;
    }
}
