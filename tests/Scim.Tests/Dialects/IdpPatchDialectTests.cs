using System.Text.Json.Nodes;
using Identity.Scim.Errors;
using Identity.Scim.Patching;
using Identity.Scim.Schemas;
using Identity.Scim.Tests.Support;

namespace Identity.Scim.Tests.Dialects;

/// <summary>PATCH bodies exactly as IDP-DIALECTS.md quotes them, applied by the engine.</summary>
public sealed class IdpPatchDialectTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static JsonObject ApplyToUser(JsonObject user, string body) =>
        PatchEngine.Apply(user, PatchRequest.Parse(Json.Node(body)), SchemaRegistry.Default.Users);

    private static JsonObject ApplyToGroup(JsonObject group, string body) =>
        PatchEngine.Apply(group, PatchRequest.Parse(Json.Node(body)), SchemaRegistry.Default.Groups);

    private static List<string> MemberIds(JsonObject group) =>
        group["members"] is JsonArray members ? members.Select(m => m!["value"]!.GetValue<string>()).ToList() : [];

    [Fact]
    public void Entra_DefaultDialectUserPatch_ReplacesWorkEmailAndFamilyName()
    {
        // §2.1 "PATCH user (default)".
        const string body = """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
             {"op":"Replace","path":"emails[type eq \"work\"].value","value":"updatedEmail@microsoft.com"},
             {"op":"Replace","path":"name.familyName","value":"updatedFamilyName"}]}
            """;

        var result = ApplyToUser(Fixtures.User(), body);

        Assert.Equal("updatedEmail@microsoft.com", result["emails"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("updatedFamilyName", result["name"]!["familyName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("\"False\"")]
    [InlineData("\"false\"")]
    [InlineData("false")]
    public void Entra_DisableUserInEitherDialect_StoresBooleanFalse(string value)
    {
        // §2.1: the default dialect sends "False" as a string; aadOptscim062020 sends false.
        var body = $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":{{value}}}]}""";

        var result = ApplyToUser(Fixtures.User(), body);

        Assert.False(result["active"]!.GetValue<bool>());
    }

    [Fact]
    public void Entra_FlagDialectPathlessReplace_AppliesDottedAndUrnKeys()
    {
        // §2.1 flag item 3: one path-less op with dotted and URN-qualified keys.
        const string body = """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
             {"op":"replace","value":{"displayName":"Bjfe","name.givenName":"Kkom","name.familyName":"Unua",
               "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"Aklq"}}]}
            """;

        var result = ApplyToUser(Fixtures.User(), body);

        Assert.Equal("Bjfe", result["displayName"]!.GetValue<string>());
        Assert.Equal("Kkom", result["name"]!["givenName"]!.GetValue<string>());
        Assert.Equal("Unua", result["name"]!["familyName"]!.GetValue<string>());
        Assert.Equal("Aklq", result[Enterprise]!["employeeNumber"]!.GetValue<string>());
    }

    [Fact]
    public void Entra_AddSingleValuedString_SetsNickName()
    {
        // §2.1 flag item 2.
        const string body = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"nickName","value":"Babs"}]}""";

        var result = ApplyToUser(Json.Object("""{"userName":"u"}"""), body);

        Assert.Equal("Babs", result["nickName"]!.GetValue<string>());
    }

    [Fact]
    public void Entra_AddWorkEmailWhenNoneExists_CreatesElement()
    {
        // §2.1 and §2.8 item 5: filter-path writes upsert (SCIM-SDK #416, sourcegraph PR #49200).
        const string body = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Add","path":"emails[type eq \"work\"].value","value":"new@contoso.com"}]}""";

        var result = ApplyToUser(Json.Object("""{"userName":"u"}"""), body);

        Assert.Equal("""[{"type":"work","value":"new@contoso.com"}]""", result["emails"]!.ToJsonString());
    }

    [Fact]
    public void Entra_SuccessiveAddressOps_MergeIntoOneElement()
    {
        // §2.1: several Add ops on addresses[type eq "work"].x merge into one element (SCIM-SDK #680).
        const string body = """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
             {"op":"Add","path":"addresses[type eq \"work\"].formatted","value":"1 Main St"},
             {"op":"Add","path":"addresses[type eq \"work\"].locality","value":"Springfield"},
             {"op":"Add","path":"addresses[type eq \"work\"].region","value":"IL"}]}
            """;

        var result = ApplyToUser(Json.Object("""{"userName":"u"}"""), body);

        var address = Assert.Single(result["addresses"]!.AsArray())!;
        Assert.Equal("Springfield", address["locality"]!.GetValue<string>());
        Assert.Equal("IL", address["region"]!.GetValue<string>());
    }

    [Fact]
    public void Entra_ManagerAsBareString_SetsManagerValue()
    {
        // §2.1: {"op":"Add","path":"urn:...:enterprise:2.0:User:manager","value":"271"} (SCIM-SDK #541).
        const string body = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"271"}]}""";

        var result = ApplyToUser(Json.Object("""{"userName":"u"}"""), body);

        Assert.Equal("271", result[Enterprise]!["manager"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Entra_RemoveManagerByValueFilter_RemovesSingleValuedComplex()
    {
        // §2.1: removal as manager[value eq "manager-id"] on a single-valued complex (scim-patch #453).
        const string body = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager[value eq \"26118915-6090-4610-87e4-49d8ca9f808d\"]"}]}""";

        var result = ApplyToUser(Fixtures.User(), body);

        Assert.False(result[Enterprise]!.AsObject().ContainsKey("manager"));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("null")]
    public void Entra_NullUpdate_ClearsAttribute(string value)
    {
        // §2.1 Logic App "Null update": PATCH with "" then null must clear attributes; §2.8 item 2.
        var body = $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"title","value":{{value}}},{"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":{{value}}}]}""";

        var result = ApplyToUser(Fixtures.User(), body);

        Assert.False(result.ContainsKey("title"));
        Assert.False(result[Enterprise]!.AsObject().ContainsKey("manager"));
    }

    [Fact]
    public void Entra_RolesWithStringifiedJson_StoredAsSent()
    {
        // §2.1: roles values carry stringified JSON (SCIM-SDK #516).
        const string body = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Add","path":"roles","value":[{"value":"{\"id\":\"827f\",\"value\":\"DocumentMgmt-Admin\"}"}]}]}""";

        var result = ApplyToUser(Json.Object("""{"userName":"u"}"""), body);

        Assert.Equal("{\"id\":\"827f\",\"value\":\"DocumentMgmt-Admin\"}", result["roles"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Entra_AddMembersWithNullRef_AppendsWithoutRef()
    {
        // §2.1: {"op":"Add","path":"members","value":[{"$ref":null,"value":"f648f8d5ea4e4cd38e9c"}]}.
        const string body = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Add","path":"members","value":[{"$ref":null,"value":"f648f8d5ea4e4cd38e9c"}]}]}""";

        var result = ApplyToGroup(Fixtures.Group(), body);

        Assert.Equal("""{"value":"f648f8d5ea4e4cd38e9c"}""", result["members"]![2]!.ToJsonString());
    }

    [Fact]
    public void Entra_RemoveMembersWithValueArray_RemovesOnlyListed()
    {
        // §2.1 default dialect and §2.7 "Whole group emptied": never wipe the group.
        const string body = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Remove","path":"members","value":[{"$ref":null,"value":"2819c223-7f76-453a-919d-413861904646"},{"value":"not-a-member"}]}]}""";

        var result = ApplyToGroup(Fixtures.Group(), body);

        Assert.Equal(["902c246b-6245-4190-8e05-00816be7344a"], MemberIds(result));
    }

    [Fact]
    public void Entra_ReAddOfExistingMembers_DoesNotDuplicate()
    {
        // §2.1: Entra re-adds every existing member whenever one is removed (bitwarden comment).
        const string body = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Add","path":"members","value":[{"$ref":null,"value":"2819c223-7f76-453a-919d-413861904646"},{"$ref":null,"value":"902c246b-6245-4190-8e05-00816be7344a"}]}]}""";

        var result = ApplyToGroup(Fixtures.Group(), body);

        Assert.Equal(2, result["members"]!.AsArray().Count);
        Assert.Equal("Babs Jensen", result["members"]![0]!["display"]!.GetValue<string>());
    }

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
}
