namespace Identity.ScimEdge.Admin;

/// <summary>
/// Guards every /admin route: 404 while the admin API is off (so a scan learns nothing),
/// 401 without the right key. The key may come as a bearer token or as <c>X-Admin-Key</c>.
/// </summary>
internal sealed class AdminKeyFilter(AdminCredential credential) : IEndpointFilter
{
    public const string HeaderName = "X-Admin-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!credential.IsEnabled)
        {
            return AdminError.NotFound("There is no such endpoint.");
        }
        var request = context.HttpContext.Request;
        if (!credential.Matches(ReadKey(request)))
        {
            return new AdminError(StatusCodes.Status401Unauthorized, "unauthorized",
                $"Send the admin key as 'Authorization: Bearer <key>' or '{HeaderName}: <key>'.");
        }
        return await next(context);
    }

    private static string? ReadKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && header.Count == 1)
        {
            return header.ToString().Trim();
        }
        const string scheme = "Bearer ";
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? authorization[scheme.Length..].Trim() : null;
    }
}
