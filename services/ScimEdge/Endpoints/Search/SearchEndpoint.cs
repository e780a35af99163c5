using System.Text.Json.Nodes;
using Identity.Scim.Paths;
using Identity.Scim.Schemas;
using Identity.ScimEdge.Callers;
using Identity.ScimEdge.Endpoints.Groups;
using Identity.ScimEdge.Endpoints.Users;
using Identity.ScimEdge.Requests;
using Identity.ScimEdge.Responses;
using Identity.ScimEdge.Settings;
using Microsoft.Extensions.Options;

namespace Identity.ScimEdge.Endpoints.Search;

/// <summary>
/// POST /.search at the root (RFC 7644 §3.4.3): the filter runs over Users and then Groups, and
/// startIndex/count page over that concatenation, so every page is exact. Each type answers the part
/// of the filter it can (<see cref="TypeFilter"/>): a user-only filter finds users and no groups.
/// </summary>
internal static class SearchEndpoint
{
    public static void Map(RouteGroupBuilder scim) => scim.MapPost("/.search", SearchAsync);

    private static async Task<IResult> SearchAsync(
        HttpContext http, ScimRequestContextFactory contexts, UserQueries users, GroupQueries groups, IOptions<ScimOptions> options)
    {
        var body = await ScimBodyReader.ReadObjectAsync(http.Request, options.Value.MaxBodyBytes, http.RequestAborted);
        var query = SearchRequests.Parse(body);
        var request = await contexts.CreateAsync(http);
        var cancellationToken = http.RequestAborted;

        var (userPage, userTotal) = await users.ListAsync(request, query, cancellationToken);
        var resources = new List<JsonObject>(userPage);
        var groupStart = Math.Max(1, query.StartIndex - userTotal);
        var remaining = query.Count - resources.Count;
        var withMembers = GroupQueries.WantsMembers(query.Attributes, query.ExcludedAttributes);
        var groupFilter = TypeFilter.For(query.Filter, SchemaRegistry.Default.Groups);
        var (groupPage, groupTotal) = groupFilter.MatchesNothing
            ? ([], 0)
            : await groups.ListAsync(request, query with
            {
                Filter = groupFilter.Filter,
                // A sort attribute Groups lack leaves them in their default order, after the users (§3.4.2.3: no value sorts last).
                SortBy = SortsGroups(query.SortBy) ? query.SortBy : null,
                StartIndex = groupStart,
                Count = Math.Max(remaining, 0),
            }, withMembers, cancellationToken);
        if (remaining > 0)
        {
            resources.AddRange(groupPage);
        }
        // Each resource keeps its own schema's projection; the list itself is schema-neutral.
        return new ScimListResult(resources.Select(r => Project(r, query)).ToList(), userTotal + groupTotal, query, schema: null);
    }

    private static bool SortsGroups(string? sortBy) =>
        sortBy is null || SchemaRegistry.Default.Groups.Resolve(AttributePath.Parse(sortBy, "sortBy")) is not null;

    private static JsonObject Project(JsonObject resource, ListQuery query)
    {
        var schema = resource["meta"]?["resourceType"]?.GetValue<string>() == "Group"
            ? Identity.Scim.Schemas.SchemaRegistry.Default.Groups
            : Identity.Scim.Schemas.SchemaRegistry.Default.Users;
        return Identity.Scim.Projection.AttributeProjector.Project(resource, schema, query.Attributes, query.ExcludedAttributes);
    }
}
