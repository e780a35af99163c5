using System.Text.Json.Nodes;
using Identity.Scim.Errors;
using Identity.Scim.Schemas;
using Identity.Scim.Tests.Support;
using Identity.Scim.Validation;

namespace Identity.Scim.Tests.Validation;

public sealed class ResourceValidatorTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static readonly ResourceSchema Users = SchemaRegistry.Default.Users;

    private static ScimException CreateFails(string json, ValidationOptions? options = null) =>
        Assert.Throws<ScimException>(() => ResourceValidator.ValidateCreate(Json.Object(json), Users, options));

    [Fact]
    public void ValidateCreate_EntraCreateUser_IsAcceptedAndMetaDropped()
    {
        // docs/idp-dialects.md §2.1 POST /Users (elimity testdata/azuread/create_user.json).
        var input = Json.Object("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"Test_User_1","active":true,
             "emails":[{"primary":true,"type":"work","value":"Test_User_1@testuser.com"}],
             "meta":{"resourceType":"User"},
             "name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},"roles":[],
             "addresses":null,"phoneNumbers":null}
            """);

        var result = ResourceValidator.ValidateCreate(input, Users);

        Assert.False(result.ContainsKey("meta"));
        Assert.False(result.ContainsKey("roles"));
        Assert.False(result.ContainsKey("addresses"));
        Assert.Equal("Test_User_1", result["userName"]!.GetValue<string>());
    }

    [Fact]
    public void ValidateCreate_OktaCreateUser_KeepsPasswordDropsReadOnlyGroups()
    {
        // docs/idp-dialects.md §2.2 create body with password, groups, locale.
        var input = Json.Object("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"test.user@okta.local",
             "name":{"givenName":"Test","familyName":"User"},
             "emails":[{"primary":true,"value":"test.user@okta.local","type":"work"}],
             "displayName":"Test User","locale":"en-US","externalId":"00ujl29u0le5T6Aj10h7",
             "groups":[],"password":"1mz050nq","active":true}
            """);

        var result = ResourceValidator.ValidateCreate(input, Users);

        Assert.Equal("1mz050nq", result["password"]!.GetValue<string>());
        Assert.False(result.ContainsKey("groups"));
    }

    [Fact]
    public void ValidateCreate_OneLoginStringBooleanAndNullId_CoercesAndDrops()
    {
        // docs/idp-dialects.md §2.4: "active": "{$user.active}" renders as a string; "id": null.
        var result = ResourceValidator.ValidateCreate(Json.Object("""
            {"schemas":["urn:scim:schemas:core:1.0"],"id":null,"userName":"u","active":"true"}
            """), Users);

        Assert.True(result["active"]!.GetValue<bool>());
        Assert.False(result.ContainsKey("id"));
        Assert.Equal(ScimSchemaUris.User, result["schemas"]![0]!.GetValue<string>());
    }

    [Fact]
    public void ValidateCreate_EntraGroupWithUnknownSchemaUrn_DropsUrn()
    {
        // docs/idp-dialects.md §2.1 POST /Groups lists an ADSCIM schema we do not define.
        var input = Json.Object("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group","http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
             "externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"displayName","meta":{"resourceType":"Group"}}
            """);

        var result = ResourceValidator.ValidateCreate(input, SchemaRegistry.Default.Groups);

        Assert.Equal("""["urn:ietf:params:scim:schemas:core:2.0:Group"]""", result["schemas"]!.ToJsonString());
    }

    [Fact]
    public void ValidateCreate_ExtensionPresentButNotListed_AddsUrn()
    {
        var result = ResourceValidator.ValidateCreate(Json.Object($$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"u","{{{Enterprise}}}":{"department":"x"}}
            """), Users);

        Assert.Equal([ScimSchemaUris.User, Enterprise], result["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public void ValidateCreate_UnusualEmailType_IsAccepted()
    {
        // Lenient by choice: IdPs send "Work", "mobile", custom labels for plural types.
        var result = ResourceValidator.ValidateCreate(Json.Object("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"u","emails":[{"value":"a@b","type":"Corporate"}]}
            """), Users);

        Assert.Equal("Corporate", result["emails"]![0]!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"userName":"u"}""", "invalidSyntax", "'schemas' must be an array")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"userName":"u"}""", "invalidSyntax", "must include")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"]}""", "invalidValue", "'userName' is required")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":""}""", "invalidValue", "'userName' is required")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"u","favouriteColour":"blue"}""", "invalidValue", "'favouriteColour' is not an attribute of User")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"u","active":"yes"}""", "invalidValue", "'active' must be a boolean")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":5}""", "invalidValue", "'userName' must be a string")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"u","name":"Babs"}""", "invalidValue", "'name' must be an object")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"u","emails":[{"value":"a","primary":"sometimes"}]}""", "invalidValue", "'emails.primary' must be a boolean")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"u","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"floor":3}}""", "invalidValue", "enterprise:2.0:User:floor' is not an attribute")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"u","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":"x"}""", "invalidValue", "must be an object of extension attributes")]
    public void ValidateCreate_BadInput_ThrowsNamingTheAttribute(string json, string scimType, string expectedDetail)
    {
        var error = CreateFails(json);

        Assert.Equal(scimType, error.ScimType);
        Assert.Contains(expectedDetail, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateCreate_UnknownAttributeWhenLenient_IsDropped()
    {
        var result = ResourceValidator.ValidateCreate(
            Json.Object("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"u","prefferedLanguage":"en","name":{"nick":"x","givenName":"G"}}"""),
            Users,
            ValidationOptions.Lenient);

        Assert.False(result.ContainsKey("prefferedLanguage"));
        Assert.Equal("""{"givenName":"G"}""", result["name"]!.ToJsonString());
    }

    [Theory]
    [InlineData("integer", "3", true)]
    [InlineData("integer", "3.5", false)]
    [InlineData("decimal", "3.5", true)]
    [InlineData("decimal", "\"3.5\"", false)]
    [InlineData("dateTime", "\"2011-05-13T04:42:34Z\"", true)]
    [InlineData("dateTime", "\"13/05/2011\"", false)]
    [InlineData("binary", "\"aGVsbG8=\"", true)]
    [InlineData("binary", "\"%%%\"", false)]
    [InlineData("reference", "\"https://example.com/x\"", true)]
    [InlineData("boolean", "\"FALSE\"", true)]
    [InlineData("complex", "{\"a\":\"x\"}", true)]
    public void ValidateCreate_CustomExtensionTypes_AreChecked(string type, string value, bool valid)
    {
        var sub = type == "complex" ? ""","subAttributes":[{"name":"a","type":"string"}]""" : "";
        var registry = SchemaRegistry.Default.WithExtensions("User", [Json.Object($$"""
            {"id":"urn:example:ext:1.0:User","attributes":[{"name":"field","type":"{{type}}"{{sub}}}]}
            """)]);
        var input = Json.Object($$$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"u","urn:example:ext:1.0:User":{"field":{{{value}}}}}""");

        var outcome = Record.Exception(() => ResourceValidator.ValidateCreate(input, registry.Users));

        Assert.Equal(valid, outcome is null);
    }

    [Fact]
    public void ValidateCreate_StrictCanonicalValuesOnCustomAttribute_RejectsOthers()
    {
        var registry = SchemaRegistry.Default.WithExtensions("User", [Json.Object("""
            {"id":"urn:example:ext:1.0:User","attributes":[{"name":"clearance","type":"string","canonicalValues":["low","high"]}]}
            """)]);
        var input = Json.Object("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"u","urn:example:ext:1.0:User":{"clearance":"medium"}}""");

        var error = Assert.Throws<ScimException>(() => ResourceValidator.ValidateCreate(input, registry.Users));

        Assert.Contains("must be one of low, high", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateCreate_RequiredExtensionMissing_ThrowsInvalidValue()
    {
        var registry = SchemaRegistry.Default.WithExtensions(
            "User",
            [Json.Object("""{"id":"urn:example:ext:1.0:User","attributes":[{"name":"badge","type":"string","required":true}]}""")],
            required: true);

        var error = Assert.Throws<ScimException>(() => ResourceValidator.ValidateCreate(
            Json.Object("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"u"}"""), registry.Users));

        Assert.Contains("extension 'urn:example:ext:1.0:User' is required", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateReplace_OktaPutWithoutIdAndMeta_KeepsStoredReadOnlyValues()
    {
        // docs/idp-dialects.md §2.2: Okta AIW uses PUT for everything, body without id/meta.
        var existing = Fixtures.User();
        var input = Json.Object("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bjensen@example.com","active":false}""");

        var result = ResourceValidator.ValidateReplace(input, existing, Users);

        Assert.Equal(Fixtures.BjensenId, result["id"]!.GetValue<string>());
        Assert.Equal("User", result["meta"]!["resourceType"]!.GetValue<string>());
        Assert.False(result["active"]!.GetValue<bool>());
        Assert.False(result.ContainsKey("nickName"));
    }

    [Fact]
    public void ValidateReplace_ChangedImmutableValue_ThrowsMutability()
    {
        var registry = SchemaRegistry.Default.WithExtensions("User", [Json.Object("""
            {"id":"urn:example:ext:1.0:User","attributes":[{"name":"badge","type":"string","mutability":"immutable"}]}
            """)]);
        var existing = Json.Object("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"1","userName":"u","urn:example:ext:1.0:User":{"badge":"B1"}}""");
        var input = Json.Object("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"u","urn:example:ext:1.0:User":{"badge":"B2"}}""");

        var error = Assert.Throws<ScimException>(() => ResourceValidator.ValidateReplace(input, existing, registry.Users));

        Assert.Equal("mutability", error.ScimType);
        Assert.Contains("badge", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateReplace_OmittedImmutableValue_IsKept()
    {
        var registry = SchemaRegistry.Default.WithExtensions("User", [Json.Object("""
            {"id":"urn:example:ext:1.0:User","attributes":[{"name":"badge","type":"string","mutability":"immutable"}]}
            """)]);
        var existing = Json.Object("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"1","userName":"u","urn:example:ext:1.0:User":{"badge":"B1"}}""");
        var input = Json.Object("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"u2"}""");

        var result = ResourceValidator.ValidateReplace(input, existing, registry.Users);

        Assert.Equal("B1", result["urn:example:ext:1.0:User"]!["badge"]!.GetValue<string>());
        Assert.Contains("urn:example:ext:1.0:User", result["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public void ValidateReplace_GroupPutWithMembers_ReplacesMembers()
    {
        // docs/idp-dialects.md §2.2: Okta AIW sends memberships inside PUT members (ory/polis #3136).
        var input = Json.Object("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Tour Guides","members":[{"value":"x"}]}""");

        var result = ResourceValidator.ValidateReplace(input, Fixtures.Group(), SchemaRegistry.Default.Groups);

        Assert.Equal("""[{"value":"x"}]""", result["members"]!.ToJsonString());
        Assert.Equal("e9e30dba-f08f-4109-8486-d5c6a331660a", result["id"]!.GetValue<string>());
    }

    [Fact]
    public void ValidateCreate_Result_IsDetachedFromInput()
    {
        var input = Json.Object("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"u","name":{"givenName":"G"}}""");

        var result = ResourceValidator.ValidateCreate(input, Users);
        ((JsonObject)result["name"]!)["givenName"] = "H";

        Assert.Equal("G", input["name"]!["givenName"]!.GetValue<string>());
    }

    [Fact]
    public void ValidateCreate_TwoPrimaryEmails_KeepsLastPrimaryOnly()
    {
        var input = Json.Object("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"u","emails":[{"value":"a@x","primary":true},{"value":"b@x","primary":"True"}]}""");

        var result = ResourceValidator.ValidateCreate(input, Users);

        Assert.False(result["emails"]![0]!["primary"]!.GetValue<bool>());
        Assert.True(result["emails"]![1]!["primary"]!.GetValue<bool>());
    }

    [Fact]
    public void ValidateCreate_EmptyOrNullOnlyElements_AreDropped()
    {
        // Entra sends "$ref": null in member values (docs/idp-dialects.md §2.1); an element with nothing left is noise.
        var input = Json.Object("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"g","members":[{},{"$ref":null},{"value":"m1"}]}""");

        var result = ResourceValidator.ValidateCreate(input, SchemaRegistry.Default.Groups);

        Assert.Equal("""[{"value":"m1"}]""", result["members"]!.ToJsonString());
    }
}
