using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Grpc.Net.Client;
using Identity.Contracts.Directory.V1;
using Identity.Contracts.GroupRole.V1;
using Identity.DevHost;
using Identity.ScimEdge.ReadCache;
using Identity.ScimEdge.Tests.Fixtures;
using Identity.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.ScimEdge.Tests.ReadCache;

/// <summary>
/// The read cache against the real services: a second edge (<see cref="EdgeHost"/>) caches what it
/// reads, and changes made through the first edge, straight on Directory or straight on GroupRole
/// must reach its answers.
/// </summary>
[Collection(EdgeSuiteCollection.Name)]
public sealed class UserReadCacheTests(EdgeSuiteFixture fixture)
{
    private static readonly TimeSpan FeedBound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task WriteThroughAnotherEdge_ReachesTheCachedUserThroughTheFeed()
    {
        await using var edge = await EdgeHost.StartAsync(fixture.Suite).WithTimeout(TimeSpan.FromSeconds(30));
        var (tenant, _, secret) = await fixture.Admin.CreateTenantWithTokenAsync();
        var id = await CreateAsync(fixture.Http, secret, "ann@example.com");
        await CachedAsync(edge, tenant, secret, id);

        using var patched = await SendAsync(fixture.Http, secret, HttpMethod.Patch, $"/scim/v2/Users/{id}",
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"name.givenName","value":"Annie"}]}""");
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);

        await TaskTimeouts.EventuallyAsync(async () => (await GetAsync(edge.Http, secret, id))?["name"]?["givenName"]?.GetValue<string>() == "Annie",
            FeedBound, "the other edge must drop its cached copy when the feed reports the change");
    }

    [Fact]
    public async Task ChangeStraightInDirectory_ReachesTheCachedUser()
    {
        await using var edge = await EdgeHost.StartAsync(fixture.Suite).WithTimeout(TimeSpan.FromSeconds(30));
        var (tenant, _, secret) = await fixture.Admin.CreateTenantWithTokenAsync();
        var id = await CreateAsync(edge.Http, secret, "bob@example.com");
        await CachedAsync(edge, tenant, secret, id);
        using var channel = GrpcChannel.ForAddress(fixture.Suite.DirectoryUri);

        await new DirectoryService.DirectoryServiceClient(channel).ReplaceUserAsync(new ReplaceUserRequest
        {
            TenantId = tenant, UserId = id, ResourceJson = """{"userName":"bob@example.com","displayName":"Straight From Directory"}""",
        }).ResponseAsync.WithTimeout();

        await TaskTimeouts.EventuallyAsync(async () => (await GetAsync(edge.Http, secret, id))?["displayName"]?.GetValue<string>() == "Straight From Directory",
            FeedBound, "a change made by an internal application on Directory must reach the edge's cache");
    }

    [Fact]
    public async Task UserNameFilter_KnownAbsent_FindsAUserCreatedStraightInDirectory()
    {
        await using var edge = await EdgeHost.StartAsync(fixture.Suite).WithTimeout(TimeSpan.FromSeconds(30));
        var (tenant, _, secret) = await fixture.Admin.CreateTenantWithTokenAsync();
        var cache = edge.Services.GetRequiredService<UserReadCache>();
        const string filter = "/scim/v2/Users?filter=userName%20eq%20%22Carol%40example.com%22";
        await TaskTimeouts.EventuallyAsync(async () =>
        {
            var list = await ListAsync(edge.Http, secret, filter);
            return list?["totalResults"]?.GetValue<int>() == 0
                && cache.For(tenant)!.FindByName(UserNameKeys.Of("carol@example.com"), out _) == NameLookup.Absent;
        }, FeedBound, "the empty answer should be cached once the feed is live");
        using var channel = GrpcChannel.ForAddress(fixture.Suite.DirectoryUri);

        var created = await new DirectoryService.DirectoryServiceClient(channel).CreateUserAsync(new CreateUserRequest
        {
            TenantId = tenant, ResourceJson = """{"userName":"carol@example.com"}""",
        }).ResponseAsync.WithTimeout();

        await TaskTimeouts.EventuallyAsync(async () => (await ListAsync(edge.Http, secret, filter))?["Resources"]?.AsArray() is [var only] && only?["id"]?.GetValue<string>() == created.User.Id,
            FeedBound, "a create elsewhere must end the cached 'nobody has this userName'");
    }

    [Fact]
    public async Task GroupPatchThroughTheSameEdge_ShowsInTheUsersGroupsAtOnce()
    {
        await using var edge = await EdgeHost.StartAsync(fixture.Suite,
            new Dictionary<string, string?> { ["UserCache:GroupsMaxAge"] = "00:01:00" }).WithTimeout(TimeSpan.FromSeconds(30));
        var (tenant, _, secret) = await fixture.Admin.CreateTenantWithTokenAsync();
        var id = await CreateAsync(edge.Http, secret, "dan@example.com");
        await CachedAsync(edge, tenant, secret, id);
        using var group = await SendAsync(edge.Http, secret, HttpMethod.Post, "/scim/v2/Groups",
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Pilots"}""");
        var groupId = JsonNode.Parse(await group.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

        using var patched = await SendAsync(edge.Http, secret, HttpMethod.Patch, $"/scim/v2/Groups/{groupId}",
            $$$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"{{{id}}}"}]}]}""");
        var user = await GetAsync(edge.Http, secret, id);

        Assert.Equal(HttpStatusCode.NoContent, patched.StatusCode);
        Assert.Equal(groupId, user?["groups"]?[0]?["value"]?.GetValue<string>());
    }

    [Fact]
    public async Task GroupChangeStraightOnGroupRole_ShowsWithinGroupsMaxAge()
    {
        await using var edge = await EdgeHost.StartAsync(fixture.Suite).WithTimeout(TimeSpan.FromSeconds(30));
        var (tenant, _, secret) = await fixture.Admin.CreateTenantWithTokenAsync();
        var id = await CreateAsync(edge.Http, secret, "eve@example.com");
        await CachedAsync(edge, tenant, secret, id);
        using var channel = GrpcChannel.ForAddress(fixture.Suite.GroupRoleUri);

        var created = await new GroupRoleService.GroupRoleServiceClient(channel).CreateGroupAsync(new CreateGroupRequest
        {
            TenantId = tenant, DisplayName = "Auditors", Members = { new Member { MemberId = id, Type = MemberType.User } },
        }).ResponseAsync.WithTimeout();

        await TaskTimeouts.EventuallyAsync(async () => (await GetAsync(edge.Http, secret, id))?["groups"]?[0]?["value"]?.GetValue<string>() == created.Group.Id,
            FeedBound, "groups changed outside this edge must show within UserCache:GroupsMaxAge (1 s)");
    }

    [Fact]
    public async Task DirectoryRestart_CacheGoesDarkThenFollowsChangesMadeAfter()
    {
        await using var edge = await EdgeHost.StartAsync(fixture.Suite).WithTimeout(TimeSpan.FromSeconds(30));
        var (tenant, _, secret) = await fixture.Admin.CreateTenantWithTokenAsync();
        var id = await CreateAsync(edge.Http, secret, "fay@example.com");
        await CachedAsync(edge, tenant, secret, id);
        var cache = edge.Services.GetRequiredService<UserReadCache>();

        await fixture.Suite.StopServiceAsync(EmbeddedSuite.Directory).WithTimeout(TimeSpan.FromSeconds(30));
        try
        {
            await TaskTimeouts.EventuallyAsync(() => Task.FromResult(!cache.For(tenant)!.Live), FeedBound, "a broken feed must stop the cache");
        }
        finally
        {
            await fixture.Suite.StartServiceAsync(EmbeddedSuite.Directory).WithTimeout(TimeSpan.FromSeconds(30));
            // The shared edge's channel reconnects within its backoff; later tests must find it connected.
            await TaskTimeouts.EventuallyAsync(async () => await fixture.Admin.ScimStatusAsync(secret) == HttpStatusCode.OK,
                TimeSpan.FromSeconds(15), "the shared edge should reach Directory again");
        }
        using var channel = GrpcChannel.ForAddress(fixture.Suite.DirectoryUri);
        await new DirectoryService.DirectoryServiceClient(channel).ReplaceUserAsync(new ReplaceUserRequest
        {
            TenantId = tenant, UserId = id, ResourceJson = """{"userName":"fay@example.com","displayName":"After The Restart"}""",
        }).ResponseAsync.WithTimeout();

        await TaskTimeouts.EventuallyAsync(async () => (await GetAsync(edge.Http, secret, id))?["displayName"]?.GetValue<string>() == "After The Restart",
            TimeSpan.FromSeconds(15), "after Directory is back, the edge must follow changes again");
    }

    [Theory]
    [InlineData("/scim/v2/Users/{id}")]
    [InlineData("/scim/v2/Users/{id}?attributes=userName,groups")]
    [InlineData("/scim/v2/Users?filter=userName%20eq%20%22Gil%40Example.com%22")]
    [InlineData("/scim/v2/Users?filter=userName%20eq%20%22gil%40example.com%22&excludedAttributes=emails")]
    [InlineData("/scim/v2/Users?filter=userName%20eq%20%22nobody%40example.com%22")]
    public async Task CachedAnswer_IsByteForByteTheAnswerWithoutTheCache(string path)
    {
        await using var cached = await EdgeHost.StartAsync(fixture.Suite).WithTimeout(TimeSpan.FromSeconds(30));
        await using var uncached = await EdgeHost.StartAsync(fixture.Suite,
            new Dictionary<string, string?> { ["UserCache:Enabled"] = "false" }).WithTimeout(TimeSpan.FromSeconds(30));
        var (tenant, _, secret) = await fixture.Admin.CreateTenantWithTokenAsync();
        var id = await CreateAsync(cached.Http, secret, "gil@example.com");
        using (var group = await SendAsync(cached.Http, secret, HttpMethod.Post, "/scim/v2/Groups",
            $$$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Gliders","members":[{"value":"{{{id}}}"}]}"""))
        {
            Assert.Equal(HttpStatusCode.Created, group.StatusCode);
        }
        await CachedAsync(cached, tenant, secret, id);
        var url = path.Replace("{id}", id, StringComparison.Ordinal);
        await SendAsync(cached.Http, secret, HttpMethod.Get, url);

        // Both edges answer under the same base URL, so meta.location matches too.
        var (fromCache, cacheHeaders) = await RawAsync(cached.Http, secret, url, uncached.Http.BaseAddress!);
        var (fromDirectory, directoryHeaders) = await RawAsync(uncached.Http, secret, url, uncached.Http.BaseAddress!);

        Assert.Equal(fromDirectory, fromCache);
        Assert.Equal(directoryHeaders, cacheHeaders);
    }

    private static async Task<(string Body, string Headers)> RawAsync(HttpClient http, string secret, string url, Uri host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        request.Headers.Host = host.Authority;
        using var response = await http.SendAsync(request).WithTimeout();
        var headers = $"{(int)response.StatusCode} {response.Content.Headers.ContentType} {response.Headers.ETag}";
        return (await response.Content.ReadAsStringAsync(), headers);
    }

    /// <summary>Reads the user through <paramref name="edge"/> until its cache holds it (the feed went live).</summary>
    private static async Task CachedAsync(EdgeHost edge, string tenant, string secret, string id)
    {
        var cache = edge.Services.GetRequiredService<UserReadCache>();
        await TaskTimeouts.EventuallyAsync(async () =>
        {
            await GetAsync(edge.Http, secret, id);
            return cache.For(tenant)?.Find(id) is not null;
        }, FeedBound, "the edge should cache a user it read once its feed is live");
    }

    private static async Task<string> CreateAsync(HttpClient http, string secret, string userName)
    {
        using var response = await SendAsync(http, secret, HttpMethod.Post, "/scim/v2/Users",
            $$$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{{userName}}}","name":{"givenName":"Test"}}""");
        Assert.True(HttpStatusCode.Created == response.StatusCode, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    private static async Task<JsonNode?> GetAsync(HttpClient http, string secret, string id)
    {
        using var response = await SendAsync(http, secret, HttpMethod.Get, $"/scim/v2/Users/{id}");
        return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
    }

    private static async Task<JsonNode?> ListAsync(HttpClient http, string secret, string path)
    {
        using var response = await SendAsync(http, secret, HttpMethod.Get, path);
        return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string secret, HttpMethod method, string path, string? body = null) =>
        new AdminClient(http, adminKey: "").ScimAsync(secret, method, path, body is null ? null : new StringContent(body, Encoding.UTF8, "application/scim+json"));
}
