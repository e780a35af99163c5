using System.Text.Json.Nodes;
using Identity.Scim.Errors;
using Identity.Scim.Patching;
using Identity.Scim.Schemas;
using Identity.Scim.Tests.Support;
using Identity.Scim.Validation;

namespace Identity.Scim.Tests.Patching;

public sealed class PatchEngineRuleTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static JsonObject Apply(JsonObject resource, params string[] operations) =>
        PatchEngine.Apply(resource, PatchRequest.Parse(Fixtures.PatchBody(operations)), SchemaRegistry.Default.Users);

    private static ScimException Fails(JsonObject resource, params string[] operations) =>
        Assert.Throws<ScimException>(() => Apply(resource, operations));

    [Fact]
    public void Apply_AnyOperation_LeavesInputUntouched()
    {
        var user = Fixtures.User();
        var before = user.ToJsonString();

        var result = Apply(user, """{"op":"replace","path":"displayName","value":"B"}""");

        Assert.Equal(before, user.ToJsonString());
        Assert.Equal("B", result["displayName"]!.GetValue<string>());
    }

    [Fact]
    public void Apply_LaterOperationFails_NothingIsAppliedAndIndexIsNamed()
    {
        var user = Fixtures.User();
        var before = user.ToJsonString();

        var error = Fails(user, """{"op":"replace","path":"displayName","value":"B"}""", """{"op":"replace","path":"id","value":"x"}""");

        Assert.Equal("mutability", error.ScimType);
        Assert.StartsWith("Operations[1]:", error.Detail, StringComparison.Ordinal);
        Assert.Equal(before, user.ToJsonString());
    }

    [Fact]
    public void Apply_AddExistingEmailValue_DoesNotDuplicate()
    {
        var result = Apply(Fixtures.User(), """{"op":"add","path":"emails","value":[{"value":"BABS@jensen.org","type":"home"}]}""");

        Assert.Equal(2, result["emails"]!.AsArray().Count);
    }

    [Fact]
    public void Apply_AddPrimaryEmail_ClearsOtherPrimary()
    {
        var result = Apply(Fixtures.User(), """{"op":"add","path":"emails","value":[{"value":"new@example.com","type":"other","primary":true}]}""");

        var primaries = result["emails"]!.AsArray().Where(e => e!["primary"]?.GetValue<bool>() == true).ToList();
        Assert.Equal("new@example.com", Assert.Single(primaries)!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Apply_SetPrimaryThroughFilter_ClearsOtherPrimary()
    {
        var result = Apply(Fixtures.User(), """{"op":"replace","path":"emails[type eq \"home\"].primary","value":true}""");

        var emails = result["emails"]!.AsArray();
        Assert.False(emails[0]!["primary"]!.GetValue<bool>());
        Assert.True(emails[1]!["primary"]!.GetValue<bool>());
    }

    [Fact]
    public void Apply_ReplaceListWithTwoPrimaries_KeepsLastOnly()
    {
        var result = Apply(Fixtures.User(), """{"op":"replace","path":"emails","value":[{"value":"a@x","primary":true},{"value":"b@x","primary":true}]}""");

        var emails = result["emails"]!.AsArray();
        Assert.False(emails[0]!["primary"]!.GetValue<bool>());
        Assert.True(emails[1]!["primary"]!.GetValue<bool>());
    }

    [Fact]
    public void Apply_ReplaceComplexSingleValued_MergesSubAttributes()
    {
        var result = Apply(Fixtures.User(), """{"op":"replace","path":"name","value":{"givenName":"Babs"}}""");

        Assert.Equal("Babs", result["name"]!["givenName"]!.GetValue<string>());
        Assert.Equal("Jensen", result["name"]!["familyName"]!.GetValue<string>());
    }

    [Fact]
    public void Apply_AddSubAttributeOnAbsentComplex_CreatesIt()
    {
        var user = Json.Object("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"a"}""");

        var result = Apply(user, """{"op":"add","path":"name.middleName","value":"Jane"}""");

        Assert.Equal("Jane", result["name"]!["middleName"]!.GetValue<string>());
    }

    [Fact]
    public void Apply_RemoveLastSubAttribute_RemovesComplex()
    {
        var user = Json.Object("""{"userName":"a","name":{"givenName":"A"}}""");

        var result = Apply(user, """{"op":"remove","path":"name.givenName"}""");

        Assert.False(result.ContainsKey("name"));
    }

    [Fact]
    public void Apply_ReplaceSubAttributeOfAllValues_ChangesEveryElement()
    {
        var result = Apply(Fixtures.User(), """{"op":"replace","path":"phoneNumbers.type","value":"other"}""");

        Assert.All(result["phoneNumbers"]!.AsArray(), p => Assert.Equal("other", p!["type"]!.GetValue<string>()));
    }

    [Fact]
    public void Apply_ReplaceFilterWithoutEqualities_MatchingNothing_ThrowsNoTarget()
    {
        var error = Fails(Fixtures.User(), """{"op":"replace","path":"emails[value co \"@nowhere\"].display","value":"x"}""");

        Assert.Equal("noTarget", error.ScimType);
    }

    [Fact]
    public void Apply_RemoveFilterMatchingNothing_ThrowsNoTarget()
    {
        var error = Fails(Fixtures.User(), """{"op":"remove","path":"emails[type eq \"other\"]"}""");

        Assert.Equal("noTarget", error.ScimType);
        Assert.Contains("matched no value", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("meta.created")]
    [InlineData("groups")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName")]
    public void Apply_WriteToReadOnly_ThrowsMutability(string path)
    {
        var error = Fails(Fixtures.User(), $$"""{"op":"replace","path":"{{path}}","value":"x"}""");

        Assert.Equal("mutability", error.ScimType);
        Assert.Contains("readOnly", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ChangeImmutableValue_ThrowsMutability()
    {
        var group = Fixtures.Group();

        var error = Assert.Throws<ScimException>(() => PatchEngine.Apply(
            group,
            PatchRequest.Parse(Fixtures.PatchBody("""{"op":"replace","path":"members[value eq \"902c246b-6245-4190-8e05-00816be7344a\"].value","value":"other"}""")),
            SchemaRegistry.Default.Groups));

        Assert.Equal("mutability", error.ScimType);
        Assert.Contains("immutable", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("favouriteColour", "is not an attribute of User")]
    [InlineData("name.nickname", "is not an attribute of User")]
    [InlineData("userName[value eq \"x\"]", "complex attribute only")]
    [InlineData("emails[type eq \"work\"].colour", "has no sub-attribute 'colour'")]
    public void Apply_UnknownOrMalformedTarget_ThrowsInvalidPath(string path, string expectedDetail)
    {
        var error = Fails(Fixtures.User(), $$"""{"op":"replace","path":"{{path.Replace("\"", "\\\"", StringComparison.Ordinal)}}","value":"x"}""");

        Assert.Equal("invalidPath", error.ScimType);
        Assert.Contains(expectedDetail, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_UnknownAttributeWithLenientOptions_IsIgnored()
    {
        var request = PatchRequest.Parse(Fixtures.PatchBody("""{"op":"add","path":"prefferedLanguage","value":"en"}"""));

        var result = PatchEngine.Apply(Fixtures.User(), request, SchemaRegistry.Default.Users, ValidationOptions.Lenient);

        Assert.False(result.ContainsKey("prefferedLanguage"));
    }

    [Theory]
    [InlineData("active", "42", "a boolean")]
    [InlineData("userName", "[\"a\"]", "single-valued")]
    [InlineData("emails", "[{\"value\":1}]", "must be a string")]
    [InlineData("name", "{\"nickname\":\"x\"}", "no sub-attribute 'nickname'")]
    [InlineData("x509Certificates", "[{\"value\":\"not base64!\"}]", "base64")]
    public void Apply_ValueOfWrongType_ThrowsInvalidValue(string path, string value, string expectedDetail)
    {
        var error = Fails(Fixtures.User(), $$"""{"op":"replace","path":"{{path}}","value":{{value}}}""");

        Assert.Equal("invalidValue", error.ScimType);
        Assert.Contains(expectedDetail, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_RemoveRequiredAttribute_ThrowsInvalidValue()
    {
        var error = Fails(Fixtures.User(), """{"op":"remove","path":"userName"}""");

        Assert.Equal("invalidValue", error.ScimType);
    }

    [Fact]
    public void Apply_HandBuiltPathlessRemove_ThrowsNoTarget()
    {
        var request = new PatchRequest([new PatchOperation(PatchOperationType.Remove, null, null)]);

        var error = Assert.Throws<ScimException>(() => PatchEngine.Apply(Fixtures.User(), request, SchemaRegistry.Default.Users));

        Assert.Equal("noTarget", error.ScimType);
    }
}
