using System.Text;
using Identity.EndToEnd.Tests.Fixtures;
using Identity.TestKit;

namespace Identity.EndToEnd.Tests.Edge;

/// <summary>SCIM responses are written as UTF-8 with a Content-Length, so an IdP never has to unchunk them.</summary>
[Collection(SuiteCollection.Name)]
public sealed class ResponseFramingTests(SuiteFixture fixture)
{
    [Fact]
    public async Task Create_Answers201WithExactContentLengthAndScimMediaType()
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/scim/v2/Users")
        {
            Content = new StringContent(
                """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"framing@example.com","displayName":"Zoë \"Z\" Ünal"}""",
                Encoding.UTF8, "application/scim+json"),
        };

        using var response = await tenant.Scim.SendAsync(request).WithTimeout();
        var bytes = await response.Content.ReadAsByteArrayAsync().WithTimeout();

        Assert.Equal(201, (int)response.StatusCode);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"displayName\":\"Zoë \\\"Z\\\" Ünal\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }
}
