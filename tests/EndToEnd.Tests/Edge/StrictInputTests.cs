using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Identity.EndToEnd.Tests.Fixtures;
using Identity.TestKit;

namespace Identity.EndToEnd.Tests.Edge;

/// <summary>The malformed inputs that used to surface as 500s are refused at the door with a 400 that says where.</summary>
[Collection(SuiteCollection.Name)]
public sealed class StrictInputTests(SuiteFixture fixture)
{
    private const string PatchSchema = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";
    private const string UserSchema = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]";
    private const string SearchSchema = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"]";
    private const string BulkSchema = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"]";

    /// <summary>method, path ({id}: an existing user), body, scimType, a fragment of the detail.</summary>
    public static TheoryData<string, string, string, string, string> Bodies() => new()
    {
        { "PATCH", "/Users/{id}", "{" + PatchSchema + ",\"Operations\":[{\"op\":\"add\",\"op\":\"remove\",\"path\":\"displayName\"}]}", "invalidSyntax", "'op' appears twice in Operations[0]" },
        { "PATCH", "/Users/{id}", "{" + PatchSchema + "," + PatchSchema + ",\"Operations\":[]}", "invalidSyntax", "'schemas' appears twice" },
        { "PATCH", "/Users/{id}", "{" + PatchSchema + ",\"Operations\":[],\"operations\":[]}", "invalidSyntax", "'operations' appears twice" },
        { "POST", "/Users", "{" + UserSchema + ",\"userName\":\"a@example.com\",\"UserName\":\"b@example.com\"}", "invalidSyntax", "'UserName' appears twice" },
        { "POST", "/Users/.search", "{" + SearchSchema + ",\"attributes\":[\"userName\"],\"attributes\":[\"emails\"]}", "invalidSyntax", "'attributes' appears twice" },
        { "POST", "/Users", "{" + UserSchema + ",\"userName\":\"\\ud800@example.com\"}", "invalidSyntax", "(in userName)" },
        { "PATCH", "/Users/{id}", "{" + PatchSchema + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\\udc00\"}]}", "invalidSyntax", "(in Operations[0].value)" },
        { "POST", "/Users", "{" + UserSchema + ",\"userName\":" + new string('[', 40) + new string(']', 40) + "}", "invalidSyntax", "deeper than 32" },
        { "POST", "/.search", "{" + SearchSchema + ",\"startIndex\":{\"a\":1}}", "invalidValue", "'startIndex' must be a single value" },
        { "POST", "/.search", "{" + SearchSchema + ",\"count\":1e400}", "invalidValue", "count must be an integer" },
        { "POST", "/.search", "{" + SearchSchema + ",\"sortBy\":\"name..givenName\"}", "invalidPath", "sortBy" },
        { "POST", "/Bulk", "{" + BulkSchema + ",\"Operations\":[{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"a\",\"data\":[1]}]}", "invalidSyntax", "Operations[0] (POST) needs a 'data' object" },
        { "POST", "/Bulk", "{" + BulkSchema + ",\"failOnErrors\":\"many\",\"Operations\":[{\"method\":\"DELETE\",\"path\":\"/Users/x\"}]}", "invalidValue", "failOnErrors" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task MalformedBody_Is400NamingWhere(string method, string path, string body, string scimType, string detail)
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        var id = await tenant.Scim.CreateUserAsync("keep@example.com");

        var (status, error) = await tenant.Scim.SendAsync(new HttpMethod(method), "/scim/v2" + path.Replace("{id}", id, StringComparison.Ordinal), body);

        Assert.Equal(400, status);
        Assert.Equal(scimType, error!["scimType"]?.GetValue<string>());
        Assert.Contains(detail, error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xC3 })]
    public async Task InvalidUtf8InAString_Is400InvalidSyntax(byte[] bad)
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        byte[] body = [.. Encoding.UTF8.GetBytes("{" + UserSchema + ",\"userName\":\"a"), .. bad, .. "@example.com\"}"u8];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/scim/v2/Users") { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/scim+json");

        using var response = await tenant.Scim.SendAsync(request).WithTimeout();
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync().WithTimeout())!;

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("invalidSyntax", error["scimType"]!.GetValue<string>());
        Assert.Contains("userName", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("urn%3A")]
    [InlineData("name..givenName")]
    [InlineData("userName.")]
    [InlineData("user%00Name")]
    [InlineData("emails%5Btype%20eq%20%22work%22%5D")]
    public async Task MalformedSortBy_Is400InvalidPath(string sortBy)
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);

        var (users, userError) = await tenant.Scim.SendAsync(HttpMethod.Get, "/scim/v2/Users?sortBy=" + sortBy);
        var (groups, groupError) = await tenant.Scim.SendAsync(HttpMethod.Get, "/scim/v2/Groups?sortBy=" + sortBy);

        Assert.Equal((400, 400), (users, groups));
        Assert.Equal("invalidPath", userError!["scimType"]!.GetValue<string>());
        Assert.Equal("invalidPath", groupError!["scimType"]!.GetValue<string>());
        Assert.Contains("sortBy", userError["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverlongSortBy_Is400NotADownstreamFailure()
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);

        var (status, error) = await tenant.Scim.SendAsync(HttpMethod.Get, "/scim/v2/Users?sortBy=" + new string('x', 5000));

        Assert.Equal(400, status);
        Assert.Contains("at most 512", error!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatchWithMoreEmailsThanTheCap_Is400InvalidValue_AndTheUserIsUnchanged()
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        var id = await tenant.Scim.CreateUserAsync("capped@example.com");
        var (_, before) = await tenant.Scim.SendAsync(HttpMethod.Get, $"/scim/v2/Users/{id}");
        var emails = string.Join(',', Enumerable.Range(0, 1001).Select(i => "{\"value\":\"e" + i.ToString(CultureInfo.InvariantCulture) + "@example.com\"}"));

        var (status, error) = await tenant.Scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{id}",
            "{" + PatchSchema + ",\"Operations\":[{\"op\":\"replace\",\"path\":\"emails\",\"value\":[" + emails + "]}]}");
        var (_, after) = await tenant.Scim.SendAsync(HttpMethod.Get, $"/scim/v2/Users/{id}");

        Assert.Equal(400, status);
        Assert.Equal("invalidValue", error!["scimType"]!.GetValue<string>());
        Assert.Contains("at most 1000", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(before, after));
    }
}
