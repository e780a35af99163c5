using System.Text.Json.Nodes;
using Identity.Scim.Errors;
using Identity.Scim.Patching;
using Identity.Scim.Schemas;
using Identity.Scim.Tests.Support;
using Identity.Scim.Validation;

namespace Identity.Scim.Tests.Patching;

public sealed class PatchEngineExtensionAndFilterTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static JsonObject Apply(JsonObject resource, params string[] operations) =>
        PatchEngine.Apply(resource, PatchRequest.Parse(Fixtures.PatchBody(operations)), SchemaRegistry.Default.Users);

    private static ScimException Fails(JsonObject resource, params string[] operations) =>
        Assert.Throws<ScimException>(() => Apply(resource, operations));

    [Fact]
    public void Apply_ExtensionAttributeOnUserWithoutExtension_CreatesObjectAndListsSchema()
    {
        var user = Json.Object("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"a"}""");

        var result = Apply(user, $$"""{"op":"add","path":"{{Enterprise}}:department","value":"Sales"}""");

        Assert.Equal("Sales", result[Enterprise]!["department"]!.GetValue<string>());
        Assert.Contains(Enterprise, result["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public void Apply_RemoveLastExtensionAttribute_DropsExtensionAndSchema()
    {
        var user = Json.Object($$$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{{Enterprise}}}"],"userName":"a","{{{Enterprise}}}":{"department":"x"}}""");

        var result = Apply(user, $$"""{"op":"remove","path":"{{Enterprise}}:department"}""");

        Assert.False(result.ContainsKey(Enterprise));
        Assert.Equal(["urn:ietf:params:scim:schemas:core:2.0:User"], result["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public void Apply_AttributeNamesInOtherCase_MatchExistingKeys()
    {
        var result = Apply(Fixtures.User(), """{"op":"replace","path":"DISPLAYNAME","value":"B"}""", """{"op":"replace","path":"Name.GivenName","value":"G"}""");

        Assert.Equal("B", result["displayName"]!.GetValue<string>());
        Assert.Equal("G", result["name"]!["givenName"]!.GetValue<string>());
        Assert.False(result.ContainsKey("DISPLAYNAME"));
    }

    [Fact]
    public void Apply_RemoveFilteredSubAttribute_RemovesFieldOnMatches()
    {
        var result = Apply(Fixtures.User(), """{"op":"remove","path":"addresses[type eq \"home\"].streetAddress"}""");

        Assert.False(result["addresses"]![1]!.AsObject().ContainsKey("streetAddress"));
        Assert.True(result["addresses"]![0]!.AsObject().ContainsKey("streetAddress"));
    }

    [Fact]
    public void Apply_AddWithFilterOnMatch_MergesIntoElement()
    {
        var result = Apply(Fixtures.User(), """{"op":"add","path":"emails[type eq \"home\"]","value":{"display":"Home mail"}}""");

        Assert.Equal("Home mail", result["emails"]![1]!["display"]!.GetValue<string>());
        Assert.Equal("babs@jensen.org", result["emails"]![1]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Apply_RemoveFilteredManagerWhenNoExtension_ThrowsNoTarget()
    {
        var user = Json.Object("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"a"}""");

        var error = Fails(user, $$"""{"op":"remove","path":"{{Enterprise}}:manager[value eq \"x\"]"}""");

        Assert.Equal("noTarget", error.ScimType);
    }

    [Fact]
    public void Apply_RemoveExtensionAttributeWhenNoExtension_IsNoOp()
    {
        var user = Json.Object("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"a"}""");

        var result = Apply(user, $$"""{"op":"remove","path":"{{Enterprise}}:department"}""");

        Assert.Equal(user.ToJsonString(), result.ToJsonString());
    }

    [Fact]
    public void Apply_FilteredReplaceWithList_ThrowsInvalidValue()
    {
        var error = Fails(Fixtures.User(), """{"op":"replace","path":"emails[type eq \"work\"]","value":[{"value":"a@x"},{"value":"b@x"}]}""");

        Assert.Equal("invalidValue", error.ScimType);
        Assert.Contains("one value object", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_FilteredReplaceWithBareString_SetsValueSubAttribute()
    {
        var result = Apply(Fixtures.User(), """{"op":"replace","path":"emails[type eq \"home\"]","value":"new@home.org"}""");

        Assert.Equal("""{"type":"home","value":"new@home.org"}""", result["emails"]![1]!.ToJsonString());
    }

    [Fact]
    public void Apply_ImmutableExtensionAttribute_SetOnceThenRefusesChange()
    {
        var registry = SchemaRegistry.Default.WithExtensions("User", [Json.Object("""
            {"id":"urn:example:ext:1.0:User","attributes":[{"name":"badge","type":"string","mutability":"immutable"}]}
            """)]);
        var user = Json.Object("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"a"}""");
        var set = PatchRequest.Parse(Fixtures.PatchBody("""{"op":"add","path":"urn:example:ext:1.0:User:badge","value":"B1"}"""));
        var change = PatchRequest.Parse(Fixtures.PatchBody("""{"op":"replace","path":"urn:example:ext:1.0:User:badge","value":"B2"}"""));

        var withBadge = PatchEngine.Apply(user, set, registry.Users);
        var error = Assert.Throws<ScimException>(() => PatchEngine.Apply(withBadge, change, registry.Users));

        Assert.Equal("B1", withBadge["urn:example:ext:1.0:User"]!["badge"]!.GetValue<string>());
        Assert.Equal("mutability", error.ScimType);
    }
}
