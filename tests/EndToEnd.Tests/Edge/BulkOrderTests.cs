using System.Text.Json.Nodes;
using Identity.EndToEnd.Tests.Fixtures;

namespace Identity.EndToEnd.Tests.Edge;

/// <summary>RFC 7644 §3.7.2 bulkId references: forward references wait for their creator, unresolvable ones fail with 409.</summary>
[Collection(SuiteCollection.Name)]
public sealed class BulkOrderTests(SuiteFixture fixture)
{
    private const string BulkSchema = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"]";

    [Fact]
    public async Task ForwardReference_RunsAfterTheOperationItNames()
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        var body = "{" + BulkSchema + """
            ,"Operations":[
            {"method":"POST","path":"/Groups","bulkId":"g","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Bulk order","members":[{"value":"bulkId:u"}]}},
            {"method":"PATCH","path":"/Users/bulkId:u","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"displayName","value":"Patched"}]}},
            {"method":"POST","path":"/Users","bulkId":"u","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bulk-order@example.com"}}]}
            """;

        var (status, response) = await tenant.Scim.SendAsync(HttpMethod.Post, "/scim/v2/Bulk", body);

        Assert.Equal(200, status);
        var results = response!["Operations"]!.AsArray().Select(r => (r!["method"]!.GetValue<string>(), r["status"]!.GetValue<string>())).ToList();
        // Reported in request order; each succeeded only because the user was created first.
        Assert.Equal([("POST", "201"), ("PATCH", "200"), ("POST", "201")], results);
        var groupLocation = response["Operations"]!.AsArray().Single(r => r!["bulkId"]?.GetValue<string>() == "g")!["location"]!.GetValue<string>();
        var (_, group) = await tenant.Scim.SendAsync(HttpMethod.Get, new Uri(groupLocation).AbsolutePath);
        var (_, users) = await tenant.Scim.SendAsync(HttpMethod.Get, "/scim/v2/Users?filter=userName%20eq%20%22bulk-order%40example.com%22");
        var user = users!["Resources"]![0]!;
        Assert.Equal("Patched", user["displayName"]!.GetValue<string>());
        Assert.Equal(user["id"]!.GetValue<string>(), group!["members"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task CircularAndUnknownReferences_FailWith409_OthersRun()
    {
        using var tenant = await TestTenantScope.CreateAsync(fixture);
        var body = "{" + BulkSchema + """
            ,"Operations":[
            {"method":"POST","path":"/Groups","bulkId":"a","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"A","members":[{"value":"bulkId:b"}]}},
            {"method":"POST","path":"/Groups","bulkId":"b","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"B","members":[{"value":"bulkId:a"}]}},
            {"method":"PATCH","path":"/Users/bulkId:nobody","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"displayName","value":"x"}]}},
            {"method":"POST","path":"/Users","bulkId":"c","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bulk-free@example.com"}}]}
            """;

        var (status, response) = await tenant.Scim.SendAsync(HttpMethod.Post, "/scim/v2/Bulk", body);

        Assert.Equal(200, status);
        var byStatus = response!["Operations"]!.AsArray().GroupBy(r => r!["status"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["201"] = 1, ["409"] = 3 }, byStatus);
    }
}
