namespace Identity.ScimEdge.Callers;

/// <summary>
/// The SCIM base URL the IdP used (with or without the /tenants/{id} prefix), for meta.location and
/// Location headers. Behind a proxy, Scim__PublicBaseUrl (scheme and host) overrides what Kestrel saw.
/// </summary>
internal static class ScimBaseUrl
{
    private const string Marker = "/scim/v2";

    public static string Of(HttpRequest request, string? publicOrigin = null)
    {
        var path = (request.PathBase + request.Path).Value ?? "";
        var index = path.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        var prefix = index >= 0 ? path[..(index + Marker.Length)] : Marker;
        var origin = string.IsNullOrEmpty(publicOrigin) ? $"{request.Scheme}://{request.Host}" : publicOrigin.TrimEnd('/');
        return origin + prefix;
    }
}
