using System.Text.Json.Nodes;
using Identity.EndToEnd.Tests.Fixtures;

namespace Identity.EndToEnd.Tests.Edge;

/// <summary>Every malformed request gets the right 4xx with a SCIM error body, never a 500, and changes nothing.</summary>
[Collection(SuiteCollection.Name)]
public sealed class BadInputTests(SuiteFixture fixture)
{
    private const string PatchSchema = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";
    private const string UserSchema = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]";

    /// <summary>method, path ({id} is an existing user), body, content type, status, scimType ("" for none).</summary>
    public static TheoryData<string, string, string?, string, int, string> Cases() => new()
    {
        { "POST", "/Users", "{\"userName\": ", "application/scim+json", 400, "invalidSyntax" },
        { "POST", "/Users", "[1,2,3]", "application/scim+json", 400, "invalidSyntax" },
        { "POST", "/Users", "{" + UserSchema + ",\"userName\":5}", "application/scim+json", 400, "invalidValue" },
        { "POST", "/Users", "{" + UserSchema + ",\"userName\":\"x@example.com\",\"active\":\"maybe\"}", "application/scim+json", 400, "invalidValue" },
        { "POST", "/Users", "{" + UserSchema + ",\"userName\":\"x@example.com\",\"favouriteColour\":\"blue\"}", "application/scim+json", 400, "invalidValue" },
        { "POST", "/Users", "{" + UserSchema + ",\"displayName\":\"No user name\"}", "application/scim+json", 400, "invalidValue" },
        { "POST", "/Users", "{" + UserSchema + ",\"userName\":\"x@example.com\"}", "text/plain", 415, "" },
        { "GET", "/Users?filter=userName%20eq", null, "", 400, "invalidFilter" },
        { "GET", "/Users?filter=userName%20xx%20%22a%22", null, "", 400, "invalidFilter" },
        { "GET", "/Users?filter=((((((((((((((((((((userName%20eq%20%22a%22))))))))))))))))))))", null, "", 400, "invalidFilter" },
        { "GET", "/Users?startIndex=abc", null, "", 400, "invalidValue" },
        { "GET", "/Users?sortBy=userName&sortOrder=sideways", null, "", 400, "invalidValue" },
        { "GET", "/Users/does-not-exist", null, "", 404, "" },
        { "GET", "/Schemas/urn:nope", null, "", 404, "" },
        { "GET", "/ResourceTypes/Robot", null, "", 404, "" },
        { "PATCH", "/Users/{id}", "{" + PatchSchema + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"emails[type eq\",\"value\":\"x\"}]}", "application/scim+json", 400, "invalidPath" },
        { "PATCH", "/Users/{id}", "{" + PatchSchema + ",\"Operations\":[]}", "application/scim+json", 400, "invalidValue" },
        { "PATCH", "/Users/{id}", "{" + PatchSchema + ",\"Operations\":[{\"op\":\"explode\",\"path\":\"displayName\"}]}", "application/scim+json", 400, "invalidValue" },
        { "PATCH", "/Users/{id}", "{" + PatchSchema + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"id\",\"value\":\"mine\"}]}", "application/scim+json", 400, "mutability" },
        { "PATCH", "/Users/{id}", "{" + PatchSchema + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"perhaps\"}]}", "application/scim+json", 400, "invalidValue" },
        { "PATCH", "/Users/does-not-exist", "{" + PatchSchema + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}]}", "application/scim+json", 404, "" },
        { "PUT", "/Users/{id}", "{" + UserSchema + ",\"userName\":{\"nested\":true}}", "application/scim+json", 400, "invalidValue" },
        { "POST", "/Bulk", "{\"Operations\":[]}", "application/scim+json", 400, "invalidValue" },
        { "POST", "/.search", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"filter\":\"userName eq \\\"a\"}", "application/scim+json", 400, "invalidFilter" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadRequest_AnswersScimErrorAndLosesNothing(string method, string path, string? body, string contentType, int status, string scimType)
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        var id = await tenant.Scim.CreateUserAsync("keep@example.com");
        var (_, before) = await tenant.Scim.SendAsync(HttpMethod.Get, $"/scim/v2/Users/{id}");

        var (actual, error) = await tenant.Scim.SendAsync(new HttpMethod(method), "/scim/v2" + path.Replace("{id}", id, StringComparison.Ordinal), body,
            string.IsNullOrEmpty(contentType) ? "application/scim+json" : contentType);
        var (_, after) = await tenant.Scim.SendAsync(HttpMethod.Get, $"/scim/v2/Users/{id}");

        Assert.Equal(status, actual);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", error!["schemas"]![0]!.GetValue<string>());
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error["status"]!.GetValue<string>());
        Assert.Equal(scimType, error["scimType"]?.GetValue<string>() ?? "");
        Assert.False(string.IsNullOrWhiteSpace(error["detail"]?.GetValue<string>()));
        Assert.True(JsonNode.DeepEquals(before, after), "a refused request must not change the stored user");
    }

    [Fact]
    public async Task OversizedBody_Answers413()
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        var huge = "{" + UserSchema + ",\"userName\":\"big@example.com\",\"displayName\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";

        var (status, error) = await tenant.Scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", huge);

        Assert.Equal(413, status);
        Assert.Equal("413", error!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task StaleIfMatch_Answers412AndKeepsTheUser()
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        var id = await tenant.Scim.CreateUserAsync("etag@example.com");
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/scim/v2/Users/{id}")
        {
            Content = new StringContent("{" + PatchSchema + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}]}", System.Text.Encoding.UTF8, "application/scim+json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "W/\"99\"");

        using var response = await tenant.Scim.SendAsync(request);
        var (_, after) = await tenant.Scim.SendAsync(HttpMethod.Get, $"/scim/v2/Users/{id}");

        Assert.Equal(412, (int)response.StatusCode);
        Assert.Null(after!["displayName"]);
    }

    [Fact]
    public async Task ForeignToken_CannotSeeOrChangeAnotherTenantsUser()
    {
        using var owner = await TestTenantScope.CreateAsync(fixture);
        using var stranger = await TestTenantScope.CreateAsync(fixture);
        var id = await owner.Scim.CreateUserAsync("private@example.com");

        var (read, _) = await stranger.Scim.SendAsync(HttpMethod.Get, $"/scim/v2/Users/{id}");
        var (patch, _) = await stranger.Scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{id}", ScimHttp.PatchActive(false));
        var (delete, _) = await stranger.Scim.SendAsync(HttpMethod.Delete, $"/scim/v2/Users/{id}");
        var (_, list) = await stranger.Scim.SendAsync(HttpMethod.Get, "/scim/v2/Users?filter=userName%20eq%20%22private%40example.com%22");
        var (_, mine) = await owner.Scim.SendAsync(HttpMethod.Get, $"/scim/v2/Users/{id}");

        Assert.Equal(404, read);
        Assert.Equal(404, patch);
        Assert.Equal(404, delete);
        Assert.Equal(0, list!["totalResults"]!.GetValue<int>());
        Assert.True(mine!["active"]!.GetValue<bool>());
    }
}
