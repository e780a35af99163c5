using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Routing.Template;

namespace Identity.ScimEdge.Routing;

/// <summary>
/// The methods the SCIM routes accept at a path, read from the mapped endpoints themselves, so a
/// known endpoint asked with another method answers 405 with <c>Allow</c> (RFC 9110 §15.5.6) and
/// the list can never drift from what is mapped.
/// </summary>
internal sealed class AllowedMethods
{
    private static readonly ConditionalWeakTable<EndpointDataSource, AllowedMethods> Tables = [];

    private readonly List<(TemplateMatcher Matcher, IReadOnlyList<string> Methods)> _routes;

    private AllowedMethods(EndpointDataSource source)
    {
        _routes = source.Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } text && !text.Contains("{**", StringComparison.Ordinal))
            .Select(e => (Endpoint: e, Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods))
            .Where(e => e.Methods is { Count: > 0 })
            .Select(e => (new TemplateMatcher(new RouteTemplate(e.Endpoint.RoutePattern), new RouteValueDictionary()), e.Methods!))
            .ToList();
    }

    public static AllowedMethods For(HttpContext http)
    {
        var source = http.RequestServices.GetRequiredService<EndpointDataSource>();
        return Tables.GetValue(source, s => new AllowedMethods(s));
    }

    /// <summary>Every method some SCIM endpoint accepts at <paramref name="path"/>; empty when no endpoint lives there.</summary>
    public IReadOnlyList<string> At(PathString path)
    {
        var methods = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (matcher, allowed) in _routes)
        {
            if (matcher.TryMatch(path, new RouteValueDictionary()))
            {
                methods.UnionWith(allowed);
            }
        }
        return methods.ToList();
    }
}
