using Identity.Scim.Errors;
using Identity.Scim.Projection;
using Identity.Scim.Schemas;
using Identity.Scim.Tests.Support;

namespace Identity.Scim.Tests.Projection;

public sealed class AttributeProjectorTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static readonly ResourceSchema Users = SchemaRegistry.Default.Users;

    [Fact]
    public void Project_NoParameters_DropsNeverReturnedPassword()
    {
        var result = AttributeProjector.Project(Fixtures.User(), Users);

        Assert.False(result.ContainsKey("password"));
        Assert.True(result.ContainsKey("emails"));
        Assert.True(result.ContainsKey(Enterprise));
    }

    [Fact]
    public void Project_Attributes_KeepsAlwaysReturnedAndRequested()
    {
        var result = AttributeProjector.Project(Fixtures.User(), Users, attributes: "userName,name.givenName");

        Assert.Equal(["schemas", "id", "userName", "name", "meta"], result.Select(p => p.Key));
        Assert.Equal("""{"givenName":"Barbara"}""", result["name"]!.ToJsonString());
    }

    [Fact]
    public void Project_AttributesAskingForPassword_StillOmitsIt()
    {
        var result = AttributeProjector.Project(Fixtures.User(), Users, attributes: "password");

        Assert.False(result.ContainsKey("password"));
    }

    [Fact]
    public void Project_MultiValuedSubAttribute_KeepsOnlyThatFieldPerValue()
    {
        var result = AttributeProjector.Project(Fixtures.User(), Users, attributes: "emails.value");

        Assert.Equal("""[{"value":"bjensen@example.com"},{"value":"babs@jensen.org"}]""", result["emails"]!.ToJsonString());
    }

    [Fact]
    public void Project_UrnQualifiedExtensionAttribute_KeepsOnlyIt()
    {
        var result = AttributeProjector.Project(Fixtures.User(), Users, attributes: Enterprise + ":department");

        Assert.Equal("""{"department":"Tour Operations"}""", result[Enterprise]!.ToJsonString());
        Assert.False(result.ContainsKey("userName"));
    }

    [Fact]
    public void Project_WholeExtensionByUrn_KeepsExtensionObject()
    {
        var result = AttributeProjector.Project(Fixtures.User(), Users, attributes: Enterprise);

        Assert.Equal(4, result[Enterprise]!.AsObject().Count);
    }

    [Fact]
    public void Project_ExcludedMembers_DropsMembersKeepsDisplayName()
    {
        // IDP-DIALECTS.md §2.1: Entra queries groups with excludedAttributes=members.
        var result = AttributeProjector.Project(Fixtures.Group(), SchemaRegistry.Default.Groups, excludedAttributes: "members");

        Assert.False(result.ContainsKey("members"));
        Assert.Equal("Tour Guides", result["displayName"]!.GetValue<string>());
    }

    [Fact]
    public void Project_ExcludedAlwaysReturned_IsStillReturned()
    {
        var result = AttributeProjector.Project(Fixtures.User(), Users, excludedAttributes: "id,schemas,emails.type,name");

        Assert.True(result.ContainsKey("id"));
        Assert.True(result.ContainsKey("schemas"));
        Assert.False(result.ContainsKey("name"));
        Assert.False(result["emails"]![0]!.AsObject().ContainsKey("type"));
    }

    [Fact]
    public void Project_ExcludedExtensionAttributeByShortName_Drops()
    {
        var result = AttributeProjector.Project(Fixtures.User(), Users, excludedAttributes: "manager");

        Assert.False(result[Enterprise]!.AsObject().ContainsKey("manager"));
        Assert.True(result[Enterprise]!.AsObject().ContainsKey("department"));
    }

    [Fact]
    public void Project_RequestReturnedAttribute_OnlyWhenAsked()
    {
        var registry = SchemaRegistry.Default.WithExtensions("User", [Json.Object("""
            {"id":"urn:example:ext:1.0:User","attributes":[{"name":"secretHint","type":"string","returned":"request"}]}
            """)]);
        var user = Json.Object("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"1","userName":"u","urn:example:ext:1.0:User":{"secretHint":"h"}}""");

        var byDefault = AttributeProjector.Project(user, registry.Users);
        var asked = AttributeProjector.Project(user, registry.Users, attributes: "secretHint");

        Assert.False(byDefault.ContainsKey("urn:example:ext:1.0:User"));
        Assert.Equal("h", asked["urn:example:ext:1.0:User"]!["secretHint"]!.GetValue<string>());
    }

    [Fact]
    public void Project_BadAttributeName_ThrowsInvalidPath()
    {
        var error = Assert.Throws<ScimException>(() => AttributeProjector.Project(Fixtures.User(), Users, attributes: "name..x"));

        Assert.Equal("invalidPath", error.ScimType);
        Assert.Contains("'attributes'", error.Detail, StringComparison.Ordinal);
    }
}
