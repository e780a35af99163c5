using System.Text.Json.Nodes;
using Identity.EndToEnd.Tests.Fixtures;

namespace Identity.EndToEnd.Tests.Edge;

/// <summary>
/// Root POST /.search across resource types (RFC 7644 §3.4.3): an attribute one type lacks matches
/// nothing there, instead of refusing the whole search with invalidFilter.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class RootSearchTests(SuiteFixture fixture)
{
    private static string Search(string filter, string extra = "") =>
        new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:SearchRequest"),
            ["filter"] = filter,
        }.ToJsonString().TrimEnd('}') + extra + "}";

    private static async Task SeedAsync(TestTenantScope tenant)
    {
        await tenant.Scim.CreateUserAsync("ada@example.com");
        await tenant.Scim.CreateUserAsync("bob@example.com");
        var (status, _) = await tenant.Scim.SendAsync(HttpMethod.Post, "/scim/v2/Groups",
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Ops"}""");
        Assert.Equal(201, status);
    }

    private static List<string> Names(JsonNode body) =>
        body["Resources"]!.AsArray().Select(r => (r!["userName"] ?? r["displayName"])!.GetValue<string>()).ToList();

    [Fact]
    public async Task UserAttributeFilter_ReturnsTheMatchingUsers()
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        await SeedAsync(tenant);

        var (status, body) = await tenant.Scim.SendAsync(HttpMethod.Post, "/scim/v2/.search", Search("userName eq \"ada@example.com\""));

        Assert.Equal(200, status);
        Assert.Equal(1, body!["totalResults"]!.GetValue<int>());
        Assert.Equal(["ada@example.com"], Names(body));
    }

    [Fact]
    public async Task FilterMixingTypes_FindsEachTypeByItsOwnAttributes()
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        await SeedAsync(tenant);

        var (status, body) = await tenant.Scim.SendAsync(HttpMethod.Post, "/scim/v2/.search",
            Search("userName sw \"bob\" or displayName eq \"Ops\""));

        Assert.Equal(200, status);
        Assert.Equal(2, body!["totalResults"]!.GetValue<int>());
        Assert.Equal(["bob@example.com", "Ops"], Names(body));
    }

    [Fact]
    public async Task NegatedUserOnlyFilter_MatchesEveryGroup()
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        await SeedAsync(tenant);

        // Groups have no userName, so "userName eq ..." is false for each and its negation true (§3.4.2.2).
        var (status, body) = await tenant.Scim.SendAsync(HttpMethod.Post, "/scim/v2/.search",
            Search("not (userName eq \"ada@example.com\")"));

        Assert.Equal(200, status);
        Assert.Equal(2, body!["totalResults"]!.GetValue<int>());
        Assert.Equal(["bob@example.com", "Ops"], Names(body));
    }

    [Fact]
    public async Task SortByAUserAttribute_SortsUsersAndKeepsGroupsAfter()
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        await SeedAsync(tenant);

        var (status, body) = await tenant.Scim.SendAsync(HttpMethod.Post, "/scim/v2/.search",
            Search("userName pr or displayName pr", ",\"sortBy\":\"userName\",\"sortOrder\":\"descending\""));

        Assert.Equal(200, status);
        Assert.Equal(["bob@example.com", "ada@example.com", "Ops"], Names(body!));
    }

    [Fact]
    public async Task FilterOnAnAttributeNoTypeHas_FindsNothing()
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        await SeedAsync(tenant);

        var (status, body) = await tenant.Scim.SendAsync(HttpMethod.Post, "/scim/v2/.search", Search("favouriteColour eq \"teal\""));

        Assert.Equal(200, status);
        Assert.Equal(0, body!["totalResults"]!.GetValue<int>());
    }
}
