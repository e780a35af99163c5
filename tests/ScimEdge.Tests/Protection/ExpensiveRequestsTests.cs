using Identity.ScimEdge.Protection;
using Microsoft.AspNetCore.Http;

namespace Identity.ScimEdge.Tests.Protection;

public sealed class ExpensiveRequestsTests
{
    [Theory]
    [InlineData("GET", "/scim/v2/Users", "?filter=userName%20eq%20%22bjensen%22", false)]
    [InlineData("GET", "/scim/v2/Users", "?filter=externalId%20eq%20%22e-1%22", false)]
    [InlineData("GET", "/scim/v2/Users", "?filter=emails%5Bvalue%20eq%20%22a%40b.c%22%5D", false)]
    [InlineData("GET", "/scim/v2/Groups", "?filter=displayName%20eq%20%22Admins%22", false)]
    [InlineData("GET", "/scim/v2/Users/abc", "", false)]
    [InlineData("GET", "/scim/v2/Users", "", true)]
    [InlineData("GET", "/scim/v2/Users", "?filter=userName%20eq%20%22b%22&sortBy=title", true)]
    [InlineData("GET", "/scim/v2/Users", "?filter=title%20co%20%22x%22", true)]
    [InlineData("GET", "/scim/v2/Users", "?filter=userName%20eq%20%22a%22%20or%20userName%20eq%20%22b%22", true)]
    [InlineData("GET", "/scim/v2/Users", "?filter=userName%20eq", true)]
    [InlineData("GET", "/scim/v2/Users", "?filter=emails%5Btype%20eq%20%22work%22%5D", true)]
    [InlineData("POST", "/scim/v2/.search", "", true)]
    [InlineData("POST", "/scim/v2/Bulk", "", true)]
    [InlineData("POST", "/scim/v2/Users", "", false)]
    public void IsExpensive_ClassifiesByWhatTheRequestScans(string method, string path, string query, bool expensive)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        http.Request.Path = path;
        http.Request.QueryString = new QueryString(query);

        Assert.Equal(expensive, ExpensiveRequests.IsExpensive(http.Request));
    }
}
