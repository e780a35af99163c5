using System.Text.Json.Nodes;
using Identity.Scim.Errors;
using Identity.Scim.Patching;
using Identity.Scim.Schemas;
using Identity.Scim.Tests.Support;
using Identity.Scim.Validation;

namespace Identity.Scim.Tests.Dialects;

/// <summary>Entra ID PATCH bodies (both dialects) exactly as docs/idp-dialects.md §2.1 quotes them.</summary>
public sealed class EntraPatchDialectTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    // What the edge's Entra profile passes.
    private static readonly ValidationOptions Entra = ValidationOptions.Default with { UpsertThroughValueFilter = true };

    private static JsonObject ApplyToUser(JsonObject user, string body) =>
        PatchEngine.Apply(user, PatchRequest.Parse(Json.Node(body)), SchemaRegistry.Default.Users, Entra);

    private static JsonObject ApplyToGroup(JsonObject group, string body) =>
        PatchEngine.Apply(group, PatchRequest.Parse(Json.Node(body)), SchemaRegistry.Default.Groups, Entra);

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
}
