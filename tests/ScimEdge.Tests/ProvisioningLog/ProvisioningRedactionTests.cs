using Identity.ScimEdge.ProvisioningLog;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Identity.ScimEdge.Tests.ProvisioningLog;

public sealed class ProvisioningRedactionTests
{
    [Theory]
    [InlineData("userName eq \"alice@example.com\"", "userName eq \"…\"")]
    [InlineData("emails[type eq \"work\" and value co \"@contoso.com\"]", "emails[type eq \"…\" and value co \"…\"]")]
    [InlineData("displayName eq \"say \\\"hi\\\"\" or active eq true", "displayName eq \"…\" or active eq true")]
    [InlineData("userName eq \"unterminated", "userName eq \"…\"")]
    [InlineData("userName eq alice@example.com", "userName eq …")]
    [InlineData("meta.lastModified gt 2024-01-01T00:00:00Z", "meta.lastModified gt 2024-01-01T00:00:00Z")]
    public void RedactFilter_MasksValuesKeepsStructure(string filter, string expected)
    {
        var redacted = ProvisioningRedaction.RedactFilter(filter);

        Assert.Equal(expected, redacted);
    }

    [Fact]
    public void DescribeQuery_KeepsNamesAndTheMaskedFilterOnly()
    {
        var query = new QueryCollection(new Dictionary<string, StringValues>
        {
            ["filter"] = "externalId eq \"8c1f\"",
            ["attributes"] = "userName,emails",
            ["startIndex"] = "1",
        });

        var described = ProvisioningRedaction.DescribeQuery(query);

        Assert.Equal("filter=externalId eq \"…\"&attributes&startIndex", described);
    }

    [Fact]
    public void RedactPath_AddressInASegment_IsMasked()
    {
        var path = ProvisioningRedaction.RedactPath("/scim/v2/Users/alice@example.com");

        Assert.Equal("/scim/v2/Users/…", path);
    }
}
