using Identity.EndToEnd.Tests.Fixtures;

namespace Identity.EndToEnd.Tests.Edge;

/// <summary>
/// A create retried after its answer was lost gets the first answer again (201, same id), not 409
/// <c>uniqueness</c>; a create that differs in content still conflicts (docs/idp-dialects.md §2.7).
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class RepeatedCreateTests(SuiteFixture fixture)
{
    private static string Create(string userName, string givenName, string? externalId = "ext-1") =>
        $$"""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}",{{(externalId is null ? "" : $"\"externalId\":\"{externalId}\",")}}
         "name":{"givenName":"{{givenName}}","familyName":"Lovelace"},"emails":[{"value":"{{userName}}","type":"work","primary":true}],"active":true}
        """;

    [Fact]
    public async Task IdenticalRepeatedCreate_AnswersAsTheFirstDid()
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);

        var (firstStatus, first) = await tenant.Scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", Create("ada@example.com", "Ada"));
        var (repeatStatus, repeat) = await tenant.Scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", Create("ada@example.com", "Ada"));
        var (_, list) = await tenant.Scim.SendAsync(HttpMethod.Get, "/scim/v2/Users?filter=userName%20eq%20%22ada@example.com%22");

        Assert.Equal(201, firstStatus);
        Assert.Equal(201, repeatStatus);
        Assert.Equal(first!["id"]!.GetValue<string>(), repeat!["id"]!.GetValue<string>());
        Assert.Equal(first["meta"]!["version"]!.GetValue<string>(), repeat["meta"]!["version"]!.GetValue<string>());
        Assert.Equal("Ada", repeat["name"]!["givenName"]!.GetValue<string>());
        Assert.Equal(1, list!["totalResults"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("Augusta", "ext-1")]
    [InlineData("Ada", "ext-2")]
    [InlineData("Ada", null)]
    public async Task RepeatedCreateWithOtherContent_Is409Uniqueness(string givenName, string? externalId)
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        var (firstStatus, _) = await tenant.Scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", Create("ada@example.com", "Ada"));

        var (status, error) = await tenant.Scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", Create("ADA@example.com", givenName, externalId));

        Assert.Equal(201, firstStatus);
        Assert.Equal(409, status);
        Assert.Equal("uniqueness", error!["scimType"]!.GetValue<string>());
    }

    [Fact]
    public async Task RepeatAfterTheUserChanged_Is409Uniqueness()
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        var (_, first) = await tenant.Scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", Create("ada@example.com", "Ada"));
        var id = first!["id"]!.GetValue<string>();
        var (patched, _) = await tenant.Scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{id}", ScimHttp.PatchActive(false));
        var (restored, _) = await tenant.Scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{id}", ScimHttp.PatchActive(true));

        // Same content as the first create again, but the user has a history since: not a retry of that create.
        var (status, error) = await tenant.Scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", Create("ada@example.com", "Ada"));

        Assert.Equal(200, patched);
        Assert.Equal(200, restored);
        Assert.Equal(409, status);
        Assert.Equal("uniqueness", error!["scimType"]!.GetValue<string>());
    }

    [Fact]
    public async Task SameCreateInAnotherTenant_IsItsOwnUser()
    {
        using var tenantA = await TestTenantScope.CreateAsync(fixture);
        using var tenantB = await TestTenantScope.CreateAsync(fixture);

        var (statusA, a) = await tenantA.Scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", Create("ada@example.com", "Ada"));
        var (statusB, b) = await tenantB.Scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", Create("ada@example.com", "Ada"));

        Assert.Equal(201, statusA);
        Assert.Equal(201, statusB);
        Assert.NotEqual(a!["id"]!.GetValue<string>(), b!["id"]!.GetValue<string>());
    }
}
