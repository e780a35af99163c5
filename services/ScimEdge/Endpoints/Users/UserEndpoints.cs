using Identity.Scim.Errors;
using Identity.Scim.Patching;
using Identity.Scim.Schemas;
using Identity.ScimEdge.Callers;
using Identity.ScimEdge.Rendering;
using Identity.ScimEdge.Requests;
using Identity.ScimEdge.Responses;
using Identity.ScimEdge.Settings;
using Identity.ScimEdge.Versioning;
using Microsoft.Extensions.Options;

namespace Identity.ScimEdge.Endpoints.Users;

/// <summary>/Users (RFC 7644 §3.2-3.6): each handler parses, calls downstream and renders, nothing more.</summary>
internal static class UserEndpoints
{
    private static ResourceSchema Schema => SchemaRegistry.Default.Users;

    public static void Map(RouteGroupBuilder scim)
    {
        scim.MapPost("/Users", CreateAsync);
        scim.MapGet("/Users", ListAsync);
        scim.MapPost("/Users/.search", SearchAsync);
        scim.MapGet("/Users/{id}", GetAsync);
        scim.MapPut("/Users/{id}", ReplaceAsync);
        scim.MapPatch("/Users/{id}", PatchAsync);
        scim.MapDelete("/Users/{id}", DeleteAsync);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, ScimRequestContextFactory contexts, UserCommands users, IOptions<ScimOptions> options)
    {
        var request = await contexts.CreateAsync(http);
        var body = await ScimBodyReader.ReadObjectAsync(http.Request, options.Value.MaxBodyBytes, http.RequestAborted);
        var outcome = await users.CreateAsync(request, body, http.RequestAborted);
        return ScimResourceResult.From(outcome, Schema, http.Request.Query);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, ScimRequestContextFactory contexts, UserQueries users)
    {
        var request = await contexts.CreateAsync(http);
        var user = await users.GetCachedAsync(request, id, http.RequestAborted);
        var version = user.User.Version;
        if (ETags.NoneMatchHits(http.Request.Headers.IfNoneMatch, version))
        {
            http.Response.Headers.ETag = ETags.Format(version);
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        var query = http.Request.Query;
        if (query.Count == 0 || (ScimResourceResult.Query(query, "attributes") is null && ScimResourceResult.Query(query, "excludedAttributes") is null))
        {
            return new ScimBytesResult(CachedUserRendering.Json(user, request.BaseUrl), version);
        }
        return ScimResourceResult.From(new ScimOutcome(StatusCodes.Status200OK, CachedUserRendering.Object(user, request.BaseUrl), version), Schema, query);
    }

    private static async Task<IResult> ListAsync(HttpContext http, ScimRequestContextFactory contexts, UserQueries users) =>
        await ListCoreAsync(http, contexts, users, ListQuery.FromQueryString(http.Request.Query));

    private static async Task<IResult> SearchAsync(HttpContext http, ScimRequestContextFactory contexts, UserQueries users, IOptions<ScimOptions> options)
    {
        var body = await ScimBodyReader.ReadObjectAsync(http.Request, options.Value.MaxBodyBytes, http.RequestAborted);
        return await ListCoreAsync(http, contexts, users, SearchRequests.Parse(body));
    }

    internal static async Task<IResult> ListCoreAsync(HttpContext http, ScimRequestContextFactory contexts, UserQueries users, ListQuery query)
    {
        var request = await contexts.CreateAsync(http);
        NeverReturnedQueries.ThrowIfUsed(query, Schema);
        var (answered, match) = await users.TryFindByUserNameAsync(request, query, http.RequestAborted);
        if (answered)
        {
            var total = match is null ? 0 : 1;
            if (query.Attributes is null && query.ExcludedAttributes is null)
            {
                return new ScimBytesListResult(match is null ? [] : [CachedUserRendering.Json(match, request.BaseUrl)], total, query.StartIndex);
            }
            return new ScimListResult(match is null ? [] : [CachedUserRendering.Object(match, request.BaseUrl)], total, query, Schema);
        }
        var (resources, totalResults) = await users.ListAsync(request, query, http.RequestAborted);
        return new ScimListResult(resources, totalResults, query, Schema);
    }

    private static async Task<IResult> ReplaceAsync(string id, HttpContext http, ScimRequestContextFactory contexts, UserCommands users, IOptions<ScimOptions> options)
    {
        var request = await contexts.CreateAsync(http);
        var body = await ScimBodyReader.ReadObjectAsync(http.Request, options.Value.MaxBodyBytes, http.RequestAborted);
        var outcome = await users.ReplaceAsync(request, id, body, ETags.ParseIfMatch(http.Request.Headers.IfMatch), http.RequestAborted);
        return ScimResourceResult.From(outcome, Schema, http.Request.Query);
    }

    private static async Task<IResult> PatchAsync(string id, HttpContext http, ScimRequestContextFactory contexts, UserCommands users, IOptions<ScimOptions> options)
    {
        var request = await contexts.CreateAsync(http);
        var body = await ScimBodyReader.ReadObjectAsync(http.Request, options.Value.MaxBodyBytes, http.RequestAborted);
        var patch = PatchRequest.Parse(body);
        var outcome = await users.PatchAsync(request, id, patch, ETags.ParseIfMatch(http.Request.Headers.IfMatch), http.RequestAborted);
        return ScimResourceResult.From(outcome, Schema, http.Request.Query);
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext http, ScimRequestContextFactory contexts, UserCommands users)
    {
        var request = await contexts.CreateAsync(http);
        await users.DeleteAsync(request, id, ETags.ParseIfMatch(http.Request.Headers.IfMatch), http.RequestAborted);
        return Results.NoContent();
    }
}
