using Identity.EndToEnd.Tests.Fixtures;

namespace Identity.EndToEnd.Tests.Edge;

/// <summary>
/// Regression from Microsoft's SCIM collection (ComplexAttribute tests): an 'attributes' value that is
/// not attribute notation (RFC 7644 §3.10), such as <c>emails[type eq "work"]</c>, was found only while
/// the response was written and answered a bare 500. It must be a SCIM 400.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class AttributesParameterTests(SuiteFixture fixture)
{
    [Theory]
    [InlineData("/scim/v2/Users?attributes=emails%5Btype+eq+%22work%22%5D")]
    [InlineData("/scim/v2/Users/{id}?attributes=emails%5Bvalue+eq+%22a%22%5D")]
    public async Task AttributesWithValueFilter_AnswersScimBadRequest(string path)
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        var id = await tenant.Scim.CreateUserAsync("attributes@example.com");

        var (status, error) = await tenant.Scim.SendAsync(HttpMethod.Get, path.Replace("{id}", id, StringComparison.Ordinal));

        Assert.Equal(400, status);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", error!["schemas"]![0]!.GetValue<string>());
        Assert.Equal("400", error["status"]!.GetValue<string>());
    }
}
