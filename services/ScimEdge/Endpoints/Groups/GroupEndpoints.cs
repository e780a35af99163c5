using Identity.Scim.Patching;
using Identity.Scim.Schemas;
using Identity.ScimEdge.Callers;
using Identity.ScimEdge.Requests;
using Identity.ScimEdge.Responses;
using Identity.ScimEdge.Settings;
using Identity.ScimEdge.Versioning;
using Microsoft.Extensions.Options;

namespace Identity.ScimEdge.Endpoints.Groups;

/// <summary>/Groups (RFC 7644 §3.2-3.6).</summary>
internal static class GroupEndpoints
{
    private static ResourceSchema Schema => SchemaRegistry.Default.Groups;

    public static void Map(RouteGroupBuilder scim)
    {
        scim.MapPost("/Groups", CreateAsync);
        scim.MapGet("/Groups", ListAsync);
        scim.MapPost("/Groups/.search", SearchAsync);
        scim.MapGet("/Groups/{id}", GetAsync);
        scim.MapPut("/Groups/{id}", ReplaceAsync);
        scim.MapPatch("/Groups/{id}", PatchAsync);
        scim.MapDelete("/Groups/{id}", DeleteAsync);
    }

    private static bool WantsMembers(IQueryCollection query) => GroupQueries.WantsMembers(
        ScimResourceResult.Query(query, "attributes"), ScimResourceResult.Query(query, "excludedAttributes"));

    private static async Task<IResult> CreateAsync(HttpContext http, ScimRequestContextFactory contexts, GroupCommands groups, IOptions<ScimOptions> options)
    {
        var request = await contexts.CreateAsync(http);
        var body = await ScimBodyReader.ReadObjectAsync(http.Request, options.Value.MaxBodyBytes, http.RequestAborted);
        var outcome = await groups.CreateAsync(request, body, http.RequestAborted);
        return ScimResourceResult.From(outcome, Schema, http.Request.Query);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, ScimRequestContextFactory contexts, GroupQueries groups)
    {
        var request = await contexts.CreateAsync(http);
        var (resource, version) = await groups.GetAsync(request, id, WantsMembers(http.Request.Query), http.RequestAborted);
        if (ETags.NoneMatchHits(http.Request.Headers.IfNoneMatch, version))
        {
            http.Response.Headers.ETag = ETags.Format(version);
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return ScimResourceResult.From(new ScimOutcome(StatusCodes.Status200OK, resource, version), Schema, http.Request.Query);
    }

    private static Task<IResult> ListAsync(HttpContext http, ScimRequestContextFactory contexts, GroupQueries groups) =>
        ListCoreAsync(http, contexts, groups, ListQuery.FromQueryString(http.Request.Query));

    private static async Task<IResult> SearchAsync(HttpContext http, ScimRequestContextFactory contexts, GroupQueries groups, IOptions<ScimOptions> options)
    {
        var body = await ScimBodyReader.ReadObjectAsync(http.Request, options.Value.MaxBodyBytes, http.RequestAborted);
        return await ListCoreAsync(http, contexts, groups, SearchRequests.Parse(body));
    }

    internal static async Task<IResult> ListCoreAsync(HttpContext http, ScimRequestContextFactory contexts, GroupQueries groups, ListQuery query)
    {
        var request = await contexts.CreateAsync(http);
        var withMembers = GroupQueries.WantsMembers(query.Attributes, query.ExcludedAttributes);
        var (resources, total) = await groups.ListAsync(request, query, withMembers, http.RequestAborted);
        return new ScimListResult(resources, total, query, Schema);
    }

    private static async Task<IResult> ReplaceAsync(string id, HttpContext http, ScimRequestContextFactory contexts, GroupCommands groups, IOptions<ScimOptions> options)
    {
        var request = await contexts.CreateAsync(http);
        var body = await ScimBodyReader.ReadObjectAsync(http.Request, options.Value.MaxBodyBytes, http.RequestAborted);
        var outcome = await groups.ReplaceAsync(request, id, body, ETags.ParseIfMatch(http.Request.Headers.IfMatch), WantsMembers(http.Request.Query), http.RequestAborted);
        return ScimResourceResult.From(outcome, Schema, http.Request.Query);
    }

    /// <summary>
    /// RFC 7644 §3.5.2 allows 200 with the resource or 204. A group of 100,000 members is not worth
    /// listing after adding one, so PATCH answers 204 unless the IdP asks for attributes.
    /// </summary>
    private static async Task<IResult> PatchAsync(string id, HttpContext http, ScimRequestContextFactory contexts, GroupCommands groups, IOptions<ScimOptions> options)
    {
        var request = await contexts.CreateAsync(http);
        var body = await ScimBodyReader.ReadObjectAsync(http.Request, options.Value.MaxBodyBytes, http.RequestAborted);
        var patch = PatchRequest.Parse(body);
        var readBack = ScimResourceResult.Query(http.Request.Query, "attributes") is not null;
        var outcome = await groups.PatchAsync(request, id, patch, ETags.ParseIfMatch(http.Request.Headers.IfMatch), readBack, WantsMembers(http.Request.Query), http.RequestAborted);
        return ScimResourceResult.From(outcome, Schema, http.Request.Query);
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext http, ScimRequestContextFactory contexts, GroupCommands groups)
    {
        var request = await contexts.CreateAsync(http);
        await groups.DeleteAsync(request, id, ETags.ParseIfMatch(http.Request.Headers.IfMatch), http.RequestAborted);
        return Results.NoContent();
    }
}
