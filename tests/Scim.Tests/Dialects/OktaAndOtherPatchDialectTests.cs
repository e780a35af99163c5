using System.Text.Json.Nodes;
using Identity.Scim.Errors;
using Identity.Scim.Patching;
using Identity.Scim.Schemas;
using Identity.Scim.Tests.Support;

namespace Identity.Scim.Tests.Dialects;

/// <summary>PATCH bodies of Okta, JumpCloud, Salesforce-style clients and extension objects, as docs/idp-dialects.md quotes them.</summary>
public sealed class OktaAndOtherPatchDialectTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static JsonObject ApplyToUser(JsonObject user, string body) =>
        PatchEngine.Apply(user, PatchRequest.Parse(Json.Node(body)), SchemaRegistry.Default.Users);

    private static JsonObject ApplyToGroup(JsonObject group, string body) =>
        PatchEngine.Apply(group, PatchRequest.Parse(Json.Node(body)), SchemaRegistry.Default.Groups);

    private static List<string> MemberIds(JsonObject group) =>
        group["members"] is JsonArray members ? members.Select(m => m!["value"]!.GetValue<string>()).ToList() : [];

    [Fact]
    public void Okta_DeactivateWithPathlessReplace_SetsActiveFalse()
    {
        // §2.2: {"op":"replace","value":{"active":false}}.
        const string body = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}""";

        var result = ApplyToUser(Fixtures.User(), body);

        Assert.False(result["active"]!.GetValue<bool>());
    }

    [Fact]
    public void Okta_GroupRenameWithIdInValue_IgnoresIdAndRenames()
    {
        // §2.2: rename is sent with "id" inside value, on every membership update.
        const string body = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"id":"abf4dd94-a4c0-4f67-89c9-76b03340cb9b","displayName":"Test SCIMv2"}}]}""";

        var result = ApplyToGroup(Fixtures.Group(), body);

        Assert.Equal("Test SCIMv2", result["displayName"]!.GetValue<string>());
        Assert.Equal("e9e30dba-f08f-4109-8486-d5c6a331660a", result["id"]!.GetValue<string>());
    }

    [Fact]
    public void Okta_MembershipChange_RemovesByFilterAndAddsWithoutType()
    {
        // §2.2 membership example; "add members" omits type (SCIM-SDK #419).
        const string body = """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
             {"op":"remove","path":"members[value eq \"902c246b-6245-4190-8e05-00816be7344a\"]"},
             {"op":"add","path":"members","value":[{"value":"23a35c27-23d3-4c03-b4c5-6443c09e7173","display":"test.user@okta.local"}]}]}
            """;

        var result = ApplyToGroup(Fixtures.Group(), body);

        Assert.Equal(["2819c223-7f76-453a-919d-413861904646", "23a35c27-23d3-4c03-b4c5-6443c09e7173"], MemberIds(result));
    }

    [Fact]
    public void Okta_FullMemberPush_ReplacesMembers()
    {
        // §2.2: full push {"op":"replace","path":"members","value":[{...},{...}]}.
        const string body = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"members","value":[{"value":"a","display":"A"},{"value":"b","display":"B"}]}]}""";

        var result = ApplyToGroup(Fixtures.Group(), body);

        Assert.Equal(["a", "b"], MemberIds(result));
    }

    [Fact]
    public void JumpCloud_PathlessRenameAndMemberAdd_Applies()
    {
        // §2.5: rename via path-less top-level replace, add via add on members.
        const string body = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"displayName":"Renamed"}},{"op":"add","path":"members","value":[{"value":"jc-1"}]}]}""";

        var result = ApplyToGroup(Fixtures.Group(), body);

        Assert.Equal("Renamed", result["displayName"]!.GetValue<string>());
        Assert.Contains("jc-1", MemberIds(result));
    }

    [Fact]
    public void Salesforce_PathlessRemoveWithMembersObject_RemovesListed()
    {
        // §2.8 item 3: Salesforce-style value:{"members":[...]}.
        const string body = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","value":{"members":[{"value":"2819c223-7f76-453a-919d-413861904646"}]}}]}""";

        var result = ApplyToGroup(Fixtures.Group(), body);

        Assert.Equal(["902c246b-6245-4190-8e05-00816be7344a"], MemberIds(result));
    }

    [Fact]
    public void Rancher_AddUsedForActive_SetsActive()
    {
        // §2.1: Rancher saw op "Add" for active (rancher/rancher #54025); §2.8 item 1.
        const string body = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Add","path":"active","value":"True"}]}""";

        var result = ApplyToUser(Json.Object("""{"userName":"u","active":false}"""), body);

        Assert.True(result["active"]!.GetValue<bool>());
    }

    [Fact]
    public void PathlessExtensionObject_AppliesEachExtensionAttribute()
    {
        // RFC 7644 §3.5.2.1 path-less add with an extension object keyed by its URN.
        const string body = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","value":{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"x","costCenter":"9"}}}]}""";

        var result = ApplyToUser(Json.Object("""{"userName":"u"}"""), body);

        Assert.Equal("x", result[Enterprise]!["department"]!.GetValue<string>());
        Assert.Equal("9", result[Enterprise]!["costCenter"]!.GetValue<string>());
    }

    [Fact]
    public void PathlessValueWithBadKey_ThrowsInvalidPath()
    {
        const string body = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"name..x":"y"}}]}""";

        var error = Assert.Throws<ScimException>(() => ApplyToUser(Fixtures.User(), body));

        Assert.Equal("invalidPath", error.ScimType);
    }

    [Fact]
    public void ExtensionUrnAsPath_AddObject_AppliesEachAttribute()
    {
        const string body = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User","value":{"division":"West","manager":{"value":"m9"}}}]}""";

        var result = ApplyToUser(Json.Object("""{"userName":"u"}"""), body);

        Assert.Equal("West", result[Enterprise]!["division"]!.GetValue<string>());
        Assert.Equal("m9", result[Enterprise]!["manager"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void ExtensionUrnAsPath_Remove_DropsWholeExtension()
    {
        const string body = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"}]}""";

        var result = ApplyToUser(Fixtures.User(), body);

        Assert.False(result.ContainsKey(Enterprise));
        Assert.DoesNotContain(Enterprise, result["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
    }
}
