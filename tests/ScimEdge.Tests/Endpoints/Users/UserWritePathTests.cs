using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Identity.ScimEdge.ReadCache;
using Identity.ScimEdge.Tests.Fixtures;
using Identity.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.ScimEdge.Tests.Endpoints.Users;

/// <summary>
/// The user write path on the real suite: what a PATCH or PUT costs Directory, and what happens
/// when writes race.
/// </summary>
[Collection(EdgeSuiteCollection.Name)]
public sealed class UserWritePathTests(EdgeSuiteFixture fixture)
{
    private static readonly string[] UserReads = ["GetUser", "LookupUser", "ListUsers"];

    [Fact]
    public async Task Patch_MakesOneDirectoryWriteAndNoReadBack()
    {
        await using var suite = await CountingSuite.StartAsync(fixture.Suite).WithTimeout(TimeSpan.FromSeconds(60));
        var (_, _, secret) = await suite.Edge.Admin.CreateTenantWithTokenAsync();
        var id = await CreateAsync(suite.Edge.Http, secret, "hal@example.com");
        suite.Log.Clear();

        using var patched = await SendAsync(suite.Edge.Http, secret, HttpMethod.Patch, $"/scim/v2/Users/{id}", GivenNamePatch("Hank"));

        var body = JsonNode.Parse(await patched.Content.ReadAsStringAsync())!;
        var calls = UserCalls(suite.Log);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("Hank", body["name"]?["givenName"]?.GetValue<string>());
        Assert.Equal("W/\"2\"", patched.Headers.ETag?.ToString());
        Assert.Equal(1, calls.Count(c => c == "ReplaceUser"));
        Assert.True(calls.Count(c => UserReads.Contains(c)) <= 1, $"at most the read before the write, got {string.Join(", ", calls)}");
        Assert.Empty(calls.SkipWhile(c => c != "ReplaceUser").Skip(1));
    }

    [Fact]
    public async Task Put_MakesOneDirectoryWriteAndNoReadBack()
    {
        await using var suite = await CountingSuite.StartAsync(fixture.Suite).WithTimeout(TimeSpan.FromSeconds(60));
        var (_, _, secret) = await suite.Edge.Admin.CreateTenantWithTokenAsync();
        var id = await CreateAsync(suite.Edge.Http, secret, "ida@example.com");
        suite.Log.Clear();

        using var replaced = await SendAsync(suite.Edge.Http, secret, HttpMethod.Put, $"/scim/v2/Users/{id}",
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ida@example.com","displayName":"Ida Put"}""");

        var body = JsonNode.Parse(await replaced.Content.ReadAsStringAsync())!;
        var calls = UserCalls(suite.Log);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("Ida Put", body["displayName"]?.GetValue<string>());
        Assert.Equal("W/\"2\"", body["meta"]?["version"]?.GetValue<string>());
        Assert.Equal(1, calls.Count(c => c == "ReplaceUser"));
        Assert.Empty(calls.SkipWhile(c => c != "ReplaceUser").Skip(1));
    }

    [Fact]
    public async Task Patch_WithCurrentIfMatch_WritesAtThatVersion()
    {
        var (_, _, secret) = await fixture.Admin.CreateTenantWithTokenAsync();
        var id = await CreateAsync(fixture.Http, secret, "ivy@example.com");

        using var patched = await SendAsync(fixture.Http, secret, HttpMethod.Patch, $"/scim/v2/Users/{id}", GivenNamePatch("Ivy"), ifMatch: "W/\"1\"");
        using var stale = await SendAsync(fixture.Http, secret, HttpMethod.Patch, $"/scim/v2/Users/{id}", GivenNamePatch("Stale"), ifMatch: "W/\"1\"");

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("W/\"2\"", patched.Headers.ETag?.ToString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("Ivy", (await GetAsync(fixture.Http, secret, id))["name"]?["givenName"]?.GetValue<string>());
    }

    [Fact]
    public async Task ConcurrentPatches_WithoutIfMatch_AreAllApplied()
    {
        // Each of these can lose the race at most once to each of the others, so none runs out of attempts.
        const int writers = 5;
        var (_, _, secret) = await fixture.Admin.CreateTenantWithTokenAsync();
        var id = await CreateAsync(fixture.Http, secret, "jon@example.com");
        var numbers = Enumerable.Range(1, writers).Select(i => $"+1 555 010{i}").ToList();

        var answers = await Task.WhenAll(numbers.Select(async number =>
        {
            using var response = await SendAsync(fixture.Http, secret, HttpMethod.Patch, $"/scim/v2/Users/{id}",
                $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"phoneNumbers","value":[{"value":"{{number}}","type":"work"}]}]}""");
            return response.StatusCode;
        })).WithTimeout(TimeSpan.FromSeconds(30));

        var user = await GetAsync(fixture.Http, secret, id);
        var stored = user["phoneNumbers"]!.AsArray().Select(p => p!["value"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(numbers, stored);
        Assert.Equal($"W/\"{writers + 1}\"", user["meta"]?["version"]?.GetValue<string>());
    }

    [Fact]
    public async Task ConcurrentDeactivateAndRename_BothLand()
    {
        var (_, _, secret) = await fixture.Admin.CreateTenantWithTokenAsync();
        var id = await CreateAsync(fixture.Http, secret, "kim@example.com");

        var answers = await Task.WhenAll(
            PatchStatusAsync(secret, id, """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}"""),
            PatchStatusAsync(secret, id, GivenNamePatch("Kimberly"))).WithTimeout(TimeSpan.FromSeconds(30));

        var user = await GetAsync(fixture.Http, secret, id);
        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.False(user["active"]!.GetValue<bool>());
        Assert.Equal("Kimberly", user["name"]?["givenName"]?.GetValue<string>());
    }

    [Fact]
    public async Task Patch_ThroughAnEdgeWhoseCacheIsBehind_KeepsTheOtherWrite()
    {
        await using var edge = await EdgeHost.StartAsync(fixture.Suite).WithTimeout(TimeSpan.FromSeconds(30));
        var (tenant, _, secret) = await fixture.Admin.CreateTenantWithTokenAsync();
        var id = await CreateAsync(fixture.Http, secret, "lou@example.com");
        await CachedAsync(edge, tenant, secret, id);

        // The shared edge writes; the other edge may still hold version 1 when it patches right after.
        using var first = await SendAsync(fixture.Http, secret, HttpMethod.Patch, $"/scim/v2/Users/{id}", GivenNamePatch("Louis"));
        using var second = await SendAsync(edge.Http, secret, HttpMethod.Patch, $"/scim/v2/Users/{id}",
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"displayName","value":"Lou From The Other Edge"}]}""");

        var user = await GetAsync(fixture.Http, secret, id);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("Louis", user["name"]?["givenName"]?.GetValue<string>());
        Assert.Equal("Lou From The Other Edge", user["displayName"]?.GetValue<string>());
        Assert.Equal("W/\"3\"", user["meta"]?["version"]?.GetValue<string>());
    }

    [Fact]
    public async Task Patch_IfMatchNewerThanTheEdgesCache_IsNotRefused()
    {
        await using var edge = await EdgeHost.StartAsync(fixture.Suite).WithTimeout(TimeSpan.FromSeconds(30));
        var (tenant, _, secret) = await fixture.Admin.CreateTenantWithTokenAsync();
        var id = await CreateAsync(fixture.Http, secret, "max@example.com");
        await CachedAsync(edge, tenant, secret, id);
        using var first = await SendAsync(fixture.Http, secret, HttpMethod.Patch, $"/scim/v2/Users/{id}", GivenNamePatch("Maxine"));

        // The IdP read version 2 through the shared edge; the other edge may not have heard of it yet.
        using var second = await SendAsync(edge.Http, secret, HttpMethod.Patch, $"/scim/v2/Users/{id}", GivenNamePatch("Maxima"), ifMatch: "W/\"2\"");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("W/\"3\"", second.Headers.ETag?.ToString());
    }

    /// <summary>Reads the user through <paramref name="edge"/> until its cache holds it (the feed went live).</summary>
    private static async Task CachedAsync(EdgeHost edge, string tenant, string secret, string id)
    {
        var cache = edge.Services.GetRequiredService<UserReadCache>();
        await TaskTimeouts.EventuallyAsync(async () =>
        {
            await GetAsync(edge.Http, secret, id);
            return cache.For(tenant)?.Find(id) is not null;
        }, TimeSpan.FromSeconds(5), "the edge should cache the user once its feed is live");
    }

    private async Task<HttpStatusCode> PatchStatusAsync(string secret, string id, string body)
    {
        using var response = await SendAsync(fixture.Http, secret, HttpMethod.Patch, $"/scim/v2/Users/{id}", body);
        return response.StatusCode;
    }

    private static List<string> UserCalls(DirectoryCallLog log) =>
        // Token and tenant lookups are the edge's (cached) authentication, not part of the write.
        log.Calls.Where(c => c is not ("AuthenticateToken" or "GetTenant")).ToList();

    private static string GivenNamePatch(string givenName) =>
        $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"name.givenName","value":"{{givenName}}"}]}""";

    private static async Task<string> CreateAsync(HttpClient http, string secret, string userName)
    {
        using var created = await SendAsync(http, secret, HttpMethod.Post, "/scim/v2/Users",
            $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}","name":{"givenName":"First"},"active":true}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    private static async Task<JsonNode> GetAsync(HttpClient http, string secret, string id)
    {
        using var response = await SendAsync(http, secret, HttpMethod.Get, $"/scim/v2/Users/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string secret, HttpMethod method, string path, string? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/scim+json");
        }
        return await http.SendAsync(request).WithTimeout();
    }
}
